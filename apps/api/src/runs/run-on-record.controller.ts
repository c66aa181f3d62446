import { Body, Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  dryRunResultSchema,
  dryRunSchema,
  manualRunResultSchema,
  manualRunSchema,
  type DryRunBody,
  type ManualRunBody,
} from './run-on-record.dto';
import { RunOnRecordService } from './run-on-record.service';

const RECORD_ID = '3f0c2a9e-1b7d-4c5e-8a6f-9d0e1f2a3b4c';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('workflows')
export class RunOnRecordController {
  constructor(private readonly runs: RunOnRecordService) {}

  @Post(':id/runs')
  @HttpCode(202)
  @Roles('manager')
  @ApiOperation({
    summary: "Run the published version on a record by hand (its trigger's event must be `manual`)",
  })
  @ApiJsonBody(manualRunSchema, { recordId: RECORD_ID })
  @ApiJsonResponse(202, manualRunResultSchema, 'Started')
  start(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(manualRunSchema, 'run request')) body: ManualRunBody,
    @CurrentUser() user: User,
  ) {
    return this.runs.startManual(id, body, user);
  }

  @Post(':id/versions/:version/dry-run')
  @HttpCode(200)
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary:
      'Dry-run any version on a record: the path it would take and what each step would do, with nothing written',
  })
  @ApiJsonBody(dryRunSchema, { recordId: RECORD_ID, approvals: 'approved' })
  @ApiJsonResponse(200, dryRunResultSchema)
  dryRun(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParseIntPipe()) version: number,
    @Body(new ZodPipe(dryRunSchema, 'dry run')) body: DryRunBody,
    @CurrentUser() user: User,
  ) {
    return this.runs.dryRun(id, version, body, user);
  }
}
