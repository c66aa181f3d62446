import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { ErasureService } from './erasure.service';
import { ExportService } from './export.service';
import { PERSONAL_DATA_REGISTRY } from './personal-data-registry';
import {
  eraseBodySchema,
  erasureResultSchema,
  personalDataExportSchema,
  registryViewSchema,
  type EraseBody,
  type RegistryView,
} from './privacy.dto';
import { registryGaps } from './registry-check';

const ERASE_EXAMPLE = { reason: 'Erasure request by email of 2026-11-20 (ticket 4711)' };
const ERASE_DESCRIPTION =
  'Anonymises the person in every table that holds personal data (see GET /api/privacy/registry), keeping the rows, ids, dates, amounts and stages. Runs on their records are cancelled first and their Temporal histories deleted. Records of the same person (merged duplicates, a converted lead) are erased with it. Idempotent; audited as `privacy.erased` with counts, never values.';

@ApiTags('privacy')
@ApiBearerAuth()
@Roles('admin')
@Controller('privacy')
export class PrivacyController {
  constructor(
    private readonly exports: ExportService,
    private readonly erasure: ErasureService,
    private readonly orm: MikroORM,
  ) {}

  @Get('registry')
  @ApiOperation({
    summary:
      'Where Baton holds personal data (admins only): every table, its personal columns and how rows link to a person',
  })
  @ApiJsonResponse(200, registryViewSchema)
  async registry(): Promise<RegistryView> {
    const gaps = await registryGaps(this.orm.em.fork());
    return { tables: PERSONAL_DATA_REGISTRY.map((e) => ({ ...e })), ...gaps };
  }

  @Get('contacts/:id/export')
  @ApiOperation({ summary: 'Everything stored about a contact, as JSON (admins only; audited)' })
  @ApiJsonResponse(200, personalDataExportSchema)
  exportContact(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.exports.export({ type: 'contact', id }, user.id);
  }

  @Get('leads/:id/export')
  @ApiOperation({ summary: 'Everything stored about a lead, as JSON (admins only; audited)' })
  @ApiJsonResponse(200, personalDataExportSchema)
  exportLead(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.exports.export({ type: 'lead', id }, user.id);
  }

  @Post('contacts/:id/erase')
  @HttpCode(200)
  @ApiOperation({ summary: "Erase a contact's personal data (admins only)", description: ERASE_DESCRIPTION })
  @ApiJsonBody(eraseBodySchema, ERASE_EXAMPLE)
  @ApiJsonResponse(200, erasureResultSchema)
  eraseContact(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(eraseBodySchema, 'erasure')) body: EraseBody,
    @CurrentUser() user: User,
  ) {
    return this.erasure.erase(
      { type: 'contact', id },
      { reason: body.reason, actorId: user.id, trigger: 'request' },
    );
  }

  @Post('leads/:id/erase')
  @HttpCode(200)
  @ApiOperation({ summary: "Erase a lead's personal data (admins only)", description: ERASE_DESCRIPTION })
  @ApiJsonBody(eraseBodySchema, ERASE_EXAMPLE)
  @ApiJsonResponse(200, erasureResultSchema)
  eraseLead(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(eraseBodySchema, 'erasure')) body: EraseBody,
    @CurrentUser() user: User,
  ) {
    return this.erasure.erase(
      { type: 'lead', id },
      { reason: body.reason, actorId: user.id, trigger: 'request' },
    );
  }
}
