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
  activityPageSchema,
  activityViewSchema,
  createActivitySchema,
  listActivitiesQuerySchema,
  updateActivitySchema,
  type CreateActivityInput,
  type ListActivitiesQuery,
  type UpdateActivityInput,
} from './activity.dto';
import { ActivitiesService } from './activities.service';

// Anyone who can see a record may log activities on it; only the author changes them.
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @ApiOperation({ summary: 'Log an activity (call, meeting, email, …) on a record you can see' })
  @ApiJsonBody(createActivitySchema, {
    kind: 'call',
    subject: 'Discovery call',
    body: 'Needs 40 gateways by March; budget approved.',
    occurredAt: '2026-11-23T14:00:00Z',
    durationMinutes: 30,
    recordType: 'opportunity',
    recordId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
  })
  @ApiJsonResponse(201, activityViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createActivitySchema, 'activity')) body: CreateActivityInput,
    @CurrentUser() user: User,
  ) {
    return this.activities.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: "A record's activities, newest first, keyset-paginated" })
  @ApiJsonResponse(200, activityPageSchema)
  list(
    @Query(new ZodPipe(listActivitiesQuerySchema, 'query')) query: ListActivitiesQuery,
    @CurrentUser() user: User,
  ) {
    return this.activities.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One activity on a record you can see' })
  @ApiJsonResponse(200, activityViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.activities.get(id, user);
  }

  @Patch(':id')
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @ApiOperation({ summary: 'Change your own activity; send the version you read' })
  @ApiJsonBody(updateActivitySchema, { version: 1, durationMinutes: 45 })
  @ApiJsonResponse(200, activityViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateActivitySchema, 'activity change')) body: UpdateActivityInput,
    @CurrentUser() user: User,
  ) {
    return this.activities.update(id, body, user);
  }

  @Delete(':id')
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your own activity' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User): Promise<void> {
    await this.activities.remove(id, user);
  }
}
