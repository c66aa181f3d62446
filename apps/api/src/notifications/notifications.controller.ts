import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  listNotificationsQuerySchema,
  notificationPageSchema,
  notificationViewSchema,
  type ListNotificationsQuery,
} from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in user's notifications, newest first, with the unread count" })
  @ApiJsonResponse(200, notificationPageSchema)
  list(
    @Query(new ZodPipe(listNotificationsQuerySchema, 'query')) query: ListNotificationsQuery,
    @CurrentUser() user: User,
  ) {
    return this.notifications.list(query, user);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all of your notifications read' })
  readAll(@CurrentUser() user: User) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiJsonResponse(200, notificationViewSchema)
  read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: User) {
    return this.notifications.markRead(id, user);
  }
}
