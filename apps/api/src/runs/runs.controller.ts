import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { listRunsQuerySchema, runPageSchema, runViewSchema, type ListRunsQuery } from './run.dto';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

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
}
