import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { duplicateListSchema, mergeLeadSchema, type MergeLeadInput } from '../duplicates/duplicate.dto';
import { DuplicatesService } from '../duplicates/duplicates.service';
import { MergeService } from '../duplicates/merge.service';
import type { User } from '../users/user.entity';
import {
  createLeadSchema,
  leadCreatedSchema,
  leadMergedSchema,
  leadPageSchema,
  leadViewSchema,
  listLeadsQuerySchema,
  type CreateLeadInput,
  type ListLeadsQuery,
  updateLeadSchema,
  type UpdateLeadInput,
} from './lead.dto';
import { convertLeadSchema, leadConvertedSchema, type ConvertLeadInput } from './lead-convert.dto';
import { LeadsService } from './leads.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly duplicates: DuplicatesService,
    private readonly merges: MergeService,
  ) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Create a lead; published "lead created" workflows start for it',
    description: 'The lead is always created; `duplicates` lists existing leads it may duplicate.',
  })
  @ApiJsonBody(createLeadSchema, {
    name: 'Ada Lovelace',
    email: 'ada@analytical.example',
    company: 'Analytical Engines',
    source: 'web',
  })
  @ApiJsonResponse(201, leadCreatedSchema, 'Created')
  async create(
    @Body(new ZodPipe(createLeadSchema, 'lead')) body: CreateLeadInput,
    @CurrentUser() user: User,
  ) {
    const lead = await this.leads.create(body, user);
    return { ...lead, duplicates: await this.duplicates.candidates('lead', lead, user, lead.id) };
  }

  @Get(':id/duplicates')
  @ApiOperation({
    summary: 'Leads that may duplicate this one (same email or phone, or similar name at the same company)',
  })
  @ApiJsonResponse(200, duplicateListSchema)
  async listDuplicates(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return { duplicates: await this.duplicates.forLead(id, user) };
  }

  @Post(':id/merge')
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Merge a duplicate lead into this one, keeping its history',
    description:
      "Copies the chosen fields, moves the duplicate's tasks, activities and notes here and archives the duplicate with `mergedInto`. Send both versions you read (optimistic locking). Reps merge only leads they own.",
  })
  @ApiJsonBody(mergeLeadSchema, {
    duplicateId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
    version: 3,
    duplicateVersion: 1,
    fields: { phone: 'duplicate' },
  })
  @ApiJsonResponse(200, leadMergedSchema)
  @HttpCode(200)
  merge(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(mergeLeadSchema, 'merge')) body: MergeLeadInput,
    @CurrentUser() user: User,
  ) {
    return this.merges.mergeLeads(id, body, user);
  }

  @Post(':id/convert')
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Convert a lead into an account, a contact and (optionally) an opportunity',
    description:
      "In one transaction: a new or existing account, a new contact from the lead's name, email and phone (or an existing one) linked to it, an opportunity on the account with the contact on it unless `opportunity` is null, and the lead marked `converted` with `convertedTo`. Each creation starts the workflows of its own `created` trigger. Send the lead's version you read. A converted, merged or archived lead answers INVALID_TRANSITION. `duplicates` lists existing contacts the new contact may duplicate; it is created all the same.",
  })
  @ApiJsonBody(convertLeadSchema, {
    version: 3,
    account: { name: 'Analytical Engines' },
    contact: { create: true, role: 'Buyer' },
    opportunity: { name: 'Analytical Engines — pilot', amount: '25000.00', closeDate: '2026-12-31' },
  })
  @ApiJsonResponse(200, leadConvertedSchema)
  @HttpCode(200)
  async convert(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(convertLeadSchema, 'conversion')) body: ConvertLeadInput,
    @CurrentUser() user: User,
  ) {
    const { contactCreated, ...converted } = await this.leads.convert(id, body, user);
    const { contact } = converted;
    const accountIds = contact.accounts.map((a) => a.id);
    const duplicates = contactCreated
      ? await this.duplicates.candidates('contact', { ...contact, accountIds }, user, contact.id)
      : [];
    return { ...converted, duplicates };
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields of a lead; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateLeadSchema, { version: 1, status: 'working', score: 60 })
  @ApiJsonResponse(200, leadViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateLeadSchema, 'lead change')) body: UpdateLeadInput,
    @CurrentUser() user: User,
  ) {
    return this.leads.update(id, body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List leads, newest first, with cursor pagination' })
  @ApiJsonResponse(200, leadPageSchema)
  list(@Query(new ZodPipe(listLeadsQuerySchema, 'query')) query: ListLeadsQuery, @CurrentUser() user: User) {
    return this.leads.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One lead' })
  @ApiJsonResponse(200, leadViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.leads.get(id, user);
  }
}
