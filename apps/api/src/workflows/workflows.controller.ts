import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { LEAD_HANDOFF } from '../database/seed/lead-handoff.definition';
import type { User } from '../users/user.entity';
import { DefinitionValidatorService } from './definition-validator.service';
import {
  definitionBodySchema,
  publishBodySchema,
  validationResultSchema,
  workflowViewSchema,
  type DefinitionBody,
  type PublishBody,
} from './workflow.dto';
import {
  diffQuerySchema,
  restoreBodySchema,
  versionDiffSchema,
  versionHistorySchema,
  type DiffQuery,
  type RestoreBody,
} from './workflow-history.dto';
import { WorkflowVersionsService } from './workflow-versions.service';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(
    private readonly versions: WorkflowVersionsService,
    private readonly validator: DefinitionValidatorService,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @Roles('engineer')
  @ApiOperation({
    summary:
      'Check a definition; problems come back as { ok: false, errors: [{ code, nodeId?, edgeId?, message }] }',
  })
  @ApiJsonBody(definitionBodySchema, { definition: LEAD_HANDOFF })
  @ApiJsonResponse(200, validationResultSchema)
  validate(@Body(new ZodPipe(definitionBodySchema, 'definition')) body: DefinitionBody) {
    return this.validator.check(body.definition);
  }

  @Get()
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary:
      'All workflows with their versions, owner, last run and `stats` (runs and failures in the last 7 days)',
  })
  list() {
    return this.versions.list();
  }

  @Post()
  @Roles('engineer')
  @ApiOperation({ summary: 'Create a workflow; its definition becomes draft version 1' })
  @ApiJsonBody(definitionBodySchema, { definition: LEAD_HANDOFF, note: 'First draft' })
  @ApiJsonResponse(201, workflowViewSchema, 'Created')
  create(
    @Body(new ZodPipe(definitionBodySchema, 'definition')) body: DefinitionBody,
    @CurrentUser() user: User,
  ) {
    return this.versions.create(body, user);
  }

  @Get(':id')
  @Roles('engineer', 'manager')
  @ApiJsonResponse(200, workflowViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.versions.get(id);
  }

  @Get(':id/versions/:version')
  @Roles('engineer', 'manager')
  @ApiOperation({ summary: 'One version with its definition' })
  getVersion(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParseIntPipe()) version: number,
  ) {
    return this.versions.getVersion(id, version);
  }

  @Get(':id/versions')
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary:
      'Version history, newest first: state, who saved and published each, changes from the one before',
  })
  @ApiJsonResponse(200, versionHistorySchema)
  history(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.versions.history(id);
  }

  @Get(':id/versions/:from/diff/:to')
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary:
      'What changed from one version to another: triggers, steps (with each changed setting) and arrows added, removed or changed',
  })
  @ApiQuery({
    name: 'layout',
    required: false,
    enum: ['true', 'false'],
    description: 'Also list moves on the canvas',
  })
  @ApiJsonResponse(200, versionDiffSchema)
  diff(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('from', new ParseIntPipe()) from: number,
    @Param('to', new ParseIntPipe()) to: number,
    @Query(new ZodPipe(diffQuerySchema, 'query')) query: DiffQuery,
  ) {
    return this.versions.diff(id, from, to, query);
  }

  @Post(':id/versions/:version/restore')
  @Roles('engineer')
  @ApiOperation({
    summary:
      'Restore a version: its definition becomes a new draft after the latest (history is kept); with publish: true (admins only) it goes live at once. Running runs keep their version',
  })
  @ApiJsonBody(restoreBodySchema, { publish: true, note: 'Back to next-day follow-up' })
  @ApiJsonResponse(201, workflowViewSchema, 'Created')
  restoreVersion(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParseIntPipe()) version: number,
    @Body(new ZodPipe(restoreBodySchema, 'restore request')) body: RestoreBody,
    @CurrentUser() user: User,
  ) {
    return this.versions.restore(id, version, body, user);
  }

  @Post(':id/versions')
  @Roles('engineer')
  @ApiOperation({
    summary:
      'Save a new draft version; with `baseVersion` (the version the editor started from) it answers 409 CONFLICT when a newer version exists',
  })
  @ApiJsonResponse(201, workflowViewSchema, 'Created')
  addVersion(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(definitionBodySchema, 'definition')) body: DefinitionBody,
    @CurrentUser() user: User,
  ) {
    return this.versions.addVersion(id, body, user);
  }

  @Post(':id/versions/:version/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a draft version (admins only); new runs use it, running ones keep theirs',
  })
  @Roles('admin')
  @ApiJsonResponse(200, workflowViewSchema)
  publish(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParseIntPipe()) version: number,
    @Body(new ZodPipe(publishBodySchema, 'publish request')) body: PublishBody,
    @CurrentUser() user: User,
  ) {
    return this.versions.publish(id, version, body, user);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Archive a workflow (admins only): no new runs start; running ones finish' })
  @ApiJsonResponse(200, workflowViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.versions.setArchived(id, true, user);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Restore an archived workflow (admins only); its active version triggers again' })
  @ApiJsonResponse(200, workflowViewSchema)
  restore(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.versions.setArchived(id, false, user);
  }
}
