import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { duplicateListSchema, mergeContactSchema, type MergeContactInput } from '../duplicates/duplicate.dto';
import { DuplicatesService } from '../duplicates/duplicates.service';
import { MergeService } from '../duplicates/merge.service';
import type { User } from '../users/user.entity';
import {
  contactCreatedSchema,
  contactMergedSchema,
  contactPageSchema,
  contactViewSchema,
  createContactSchema,
  listContactsQuerySchema,
  updateContactSchema,
  type CreateContactInput,
  type ListContactsQuery,
  type UpdateContactInput,
} from './contact.dto';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly duplicates: DuplicatesService,
    private readonly merges: MergeService,
  ) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Create a contact, owned by the creator unless ownerId says otherwise',
    description: 'The contact is always created; `duplicates` lists existing contacts it may duplicate.',
  })
  @ApiJsonBody(createContactSchema, {
    name: 'Grace Hopper',
    email: 'grace@cobol.example',
    title: 'Head of Procurement',
    accounts: [{ accountId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60', role: 'Buyer' }],
  })
  @ApiJsonResponse(201, contactCreatedSchema, 'Created')
  async create(
    @Body(new ZodPipe(createContactSchema, 'contact')) body: CreateContactInput,
    @CurrentUser() user: User,
  ) {
    const contact = await this.contacts.create(body, user);
    const accountIds = contact.accounts.map((a) => a.id);
    return {
      ...contact,
      duplicates: await this.duplicates.candidates('contact', { ...contact, accountIds }, user, contact.id),
    };
  }

  @Get(':id/duplicates')
  @ApiOperation({
    summary:
      'Contacts that may duplicate this one (same email or phone, or similar name at a shared account)',
  })
  @ApiJsonResponse(200, duplicateListSchema)
  async listDuplicates(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return { duplicates: await this.duplicates.forContact(id, user) };
  }

  @Post(':id/merge')
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Merge a duplicate contact into this one, keeping its history',
    description:
      "Copies the chosen fields and the duplicate's account links, moves its tasks, activities, notes and cases here and archives it with `mergedInto`. Send both versions you read (optimistic locking). Reps merge only contacts they own.",
  })
  @ApiJsonBody(mergeContactSchema, {
    duplicateId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
    version: 2,
    duplicateVersion: 1,
    fields: { email: 'duplicate' },
  })
  @ApiJsonResponse(200, contactMergedSchema)
  @HttpCode(200)
  merge(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(mergeContactSchema, 'merge')) body: MergeContactInput,
    @CurrentUser() user: User,
  ) {
    return this.merges.mergeContacts(id, body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List contacts (archived ones too with archived=true), keyset-paginated by sort' })
  @ApiJsonResponse(200, contactPageSchema)
  list(
    @Query(new ZodPipe(listContactsQuerySchema, 'query')) query: ListContactsQuery,
    @CurrentUser() user: User,
  ) {
    return this.contacts.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contact, archived or not' })
  @ApiJsonResponse(200, contactViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.contacts.get(id);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateContactSchema, { version: 1, phone: '+44 20 7946 0000' })
  @ApiJsonResponse(200, contactViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateContactSchema, 'contact change')) body: UpdateContactInput,
    @CurrentUser() user: User,
  ) {
    return this.contacts.update(id, body, user);
  }

  @Delete(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Archive a contact: hidden from lists, still readable by id' })
  @ApiJsonResponse(200, contactViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.contacts.archive(id, user);
  }
}
