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
import type { User } from '../users/user.entity';
import {
  notePageSchema,
  noteViewSchema,
  createNoteSchema,
  listNotesQuerySchema,
  updateNoteSchema,
  type CreateNoteInput,
  type ListNotesQuery,
  type UpdateNoteInput,
} from './note.dto';
import { NotesService } from './notes.service';

// Private notes are the author's alone; shared ones also reach the named users. Only authors edit.
@ApiTags('notes')
@ApiBearerAuth()
@Controller('notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Post()
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @ApiOperation({ summary: 'Add a note to a record you can see, private or shared with named users' })
  @ApiJsonBody(createNoteSchema, {
    body: 'Their CFO prefers annual billing; mention it in the renewal.',
    visibility: 'shared',
    sharedWith: ['0b5d4c1e-7a2f-4e3b-9c8d-1a2b3c4d5e6f'],
    recordType: 'opportunity',
    recordId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
  })
  @ApiJsonResponse(201, noteViewSchema, 'Created')
  create(@Body(new ZodPipe(createNoteSchema, 'note')) body: CreateNoteInput, @CurrentUser() user: User) {
    return this.notes.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'The notes on a record that you may read, newest first, keyset-paginated' })
  @ApiJsonResponse(200, notePageSchema)
  list(@Query(new ZodPipe(listNotesQuerySchema, 'query')) query: ListNotesQuery, @CurrentUser() user: User) {
    return this.notes.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One note you may read' })
  @ApiJsonResponse(200, noteViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.notes.get(id, user);
  }

  @Patch(':id')
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @ApiOperation({ summary: 'Change your own note; send the version you read' })
  @ApiJsonBody(updateNoteSchema, { version: 1, visibility: 'private' })
  @ApiJsonResponse(200, noteViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateNoteSchema, 'note change')) body: UpdateNoteInput,
    @CurrentUser() user: User,
  ) {
    return this.notes.update(id, body, user);
  }

  @Delete(':id')
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your own note' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User): Promise<void> {
    await this.notes.remove(id, user);
  }
}
