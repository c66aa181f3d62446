import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import type { User } from '../users/user.entity';
import { RunResumeService } from './run-resume.service';
import { ZodPipe } from '../common/zod.pipe';
import {
  listRunsQuerySchema,
  resumedRunSchema,
  resumeRunBodySchema,
  runPageSchema,
  runViewSchema,
  type ListRunsQuery,
  type ResumeRunBody,
} from './run.dto';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('runs')
export class RunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly resumer: RunResumeService,
  ) {}

  @Get()
  @Roles('engineer', 'manager')
  @ApiOperation({ summary: 'Workflow runs, newest first, by workflow, version, record or status' })
  @ApiJsonResponse(200, runPageSchema)
  list(@Query(new ZodPipe(listRunsQuerySchema, 'query')) query: ListRunsQuery) {
    return this.runs.list(query);
  }

  @Get(':id')
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary: "One run: each step's status and timing, the path taken, and a link to its Temporal history",
  })
  @ApiJsonResponse(200, runViewSchema)
  get(@Param('id') id: string) {
    return this.runs.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @Roles('manager')
  @ApiOperation({ summary: 'Cancel a running run (admins and managers); it stops at its current step' })
  cancel(@Param('id') id: string) {
    return this.runs.cancel(id);
  }

  @Post(':id/resume')
  @HttpCode(202)
  @Roles('manager')
  @ApiOperation({
    summary:
      'Pick a failed run up again once its cause is fixed: run the failed step again (`retry`) or pass over it (`skip`)',
  })
  @ApiJsonBody(resumeRunBodySchema, { from: 'retry' })
  @ApiJsonResponse(202, resumedRunSchema, 'Running again')
  resume(
    @Param('id') id: string,
    @Body(new ZodPipe(resumeRunBodySchema, 'body')) body: ResumeRunBody,
    @CurrentUser() user: User,
  ) {
    return this.resumer.resume(id, body, user);
  }
}
