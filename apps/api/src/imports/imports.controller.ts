import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { importErrorsSchema, importQuerySchema, importViewSchema, type ImportQuery } from './import.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary:
      'Import leads or contacts from a CSV body (text/csv, UTF-8, at most 50 MB, header row first). The file ' +
      'is read as it arrives and the answer comes once it is imported; pass your own `id` to follow the ' +
      'progress with GET /api/imports/{id} meanwhile. Each stored row gets its "created" event, so workflows ' +
      'start for it; bad rows are skipped and listed in the report.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'name,email,company\nAda Lovelace,ada@example.com,Engines\n' },
  })
  @ApiQuery({ name: 'entity', enum: ['leads', 'contacts'] })
  @ApiQuery({ name: 'mapping', required: false, description: 'JSON: CSV header → field ("" skips it)' })
  @ApiQuery({ name: 'id', required: false, description: 'Client-chosen UUID for the import' })
  @ApiJsonResponse(201, importViewSchema, 'Imported (or failed as a whole: see status and the report)')
  upload(
    @Req() req: Request,
    @Query(new ZodPipe(importQuerySchema, 'query')) query: ImportQuery,
    @CurrentUser() user: User,
  ) {
    return this.imports.import(req, query, user);
  }

  @Get(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'An import and its live progress: percent of the file read, rows done, rows/s' })
  @ApiJsonResponse(200, importViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.imports.get(id, user);
  }

  @Get(':id/errors')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'The rows an import skipped, with row number, code, message and field' })
  @ApiJsonResponse(200, importErrorsSchema)
  errors(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.imports.errors(id, user);
  }
}
