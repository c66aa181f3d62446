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
  createSegmentSchema,
  listSegmentsQuerySchema,
  memberPageSchema,
  membersQuerySchema,
  previewSegmentSchema,
  segmentListSchema,
  segmentPreviewSchema,
  segmentViewSchema,
  updateSegmentSchema,
  type CreateSegmentInput,
  type ListSegmentsQuery,
  type MembersQuery,
  type PreviewSegmentInput,
  type UpdateSegmentInput,
} from './segment.dto';
import { SegmentsService } from './segments.service';

const EXAMPLE_RULE = {
  and: [
    { in_list: [{ var: 'contact.title' }, ['CTO', 'Head of IT']] },
    { endsWith: [{ var: 'contact.email' }, '@acme.example'] },
  ],
};

// Reading segments is for every signed-in role; drawing them is for admins and managers.
@ApiTags('segments')
@ApiBearerAuth()
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Segments by name, each with how many records it matches right now' })
  @ApiJsonResponse(200, segmentListSchema)
  list(@Query(new ZodPipe(listSegmentsQuerySchema, 'query')) query: ListSegmentsQuery) {
    return this.segments.list(query);
  }

  @Post()
  @Roles('manager')
  @ApiOperation({
    summary: 'Save a segment: a JSON Logic rule over contacts or leads',
    description:
      'The rule is checked like a workflow condition on that record type (RULE_INVALID lists the problems). Names are unique among live segments, ignoring case (NAME_TAKEN).',
  })
  @ApiJsonBody(createSegmentSchema, {
    name: 'Acme IT leaders',
    entity: 'contact',
    rule: EXAMPLE_RULE,
    description: 'Invited to the spring briefing',
  })
  @ApiJsonResponse(201, segmentViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createSegmentSchema, 'segment')) body: CreateSegmentInput,
    @CurrentUser() user: User,
  ) {
    return this.segments.create(body, user);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({
    summary: 'Count and first 20 members of a rule not saved yet: the live count while a segment is drawn',
  })
  @ApiJsonBody(previewSegmentSchema, { entity: 'lead', rule: { '>=': [{ var: 'lead.score' }, 50] } })
  @ApiJsonResponse(200, segmentPreviewSchema)
  preview(@Body(new ZodPipe(previewSegmentSchema, 'segment preview')) body: PreviewSegmentInput) {
    return this.segments.preview(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One segment, archived or not, with its member count' })
  @ApiJsonResponse(200, segmentViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.segments.get(id);
  }

  @Get(':id/members')
  @ApiOperation({
    summary:
      'The records a live segment matches right now, by id; pass nextCursor as cursor for the next page',
  })
  @ApiJsonResponse(200, memberPageSchema)
  members(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(new ZodPipe(membersQuerySchema, 'query')) query: MembersQuery,
  ) {
    return this.segments.members(id, query);
  }

  @Patch(':id')
  @Roles('manager')
  @ApiOperation({
    summary: 'Rename, redraw or describe a segment; send the version you read (optimistic locking)',
  })
  @ApiJsonBody(updateSegmentSchema, { version: 1, rule: { '==': [{ var: 'contact.title' }, 'CTO'] } })
  @ApiJsonResponse(200, segmentViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateSegmentSchema, 'segment change')) body: UpdateSegmentInput,
    @CurrentUser() user: User,
  ) {
    return this.segments.update(id, body, user);
  }

  @Delete(':id')
  @Roles('manager')
  @ApiOperation({
    summary: 'Archive a segment: gone from the list, its name free again, still readable by id',
  })
  @ApiJsonResponse(200, segmentViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.segments.archive(id, user);
  }
}
