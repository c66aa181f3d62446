import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { TIMELINE_PATHS, timelinePageSchema, timelineQuerySchema, type TimelineQuery } from './timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('timeline')
@ApiBearerAuth()
@Controller()
export class TimelineController {
  constructor(private readonly timelines: TimelineService) {}

  @Get(':records/:id/timeline')
  @ApiParam({ name: 'records', enum: Object.keys(TIMELINE_PATHS) })
  @ApiOperation({
    summary:
      'Everything that happened to a record you can see, newest first: activities, your notes, tasks, field changes and workflow steps',
  })
  @ApiJsonResponse(200, timelinePageSchema)
  timeline(
    @Param('records') records: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(new ZodPipe(timelineQuerySchema, 'query')) query: TimelineQuery,
    @CurrentUser() user: User,
  ) {
    return this.timelines.timeline(records, id, query, user);
  }
}
