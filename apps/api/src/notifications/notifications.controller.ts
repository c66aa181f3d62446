import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
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
import { NotificationStreamService } from './notification-stream.service';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly stream: NotificationStreamService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The signed-in user's notifications, newest first, with the unread count" })
  @ApiJsonResponse(200, notificationPageSchema)
  list(
    @Query(new ZodPipe(listNotificationsQuerySchema, 'query')) query: ListNotificationsQuery,
    @CurrentUser() user: User,
  ) {
    return this.notifications.list(query, user);
  }

  @Get('stream')
  @ApiOperation({
    summary: 'Server-Sent Events: `ready`, then `notifications` with `{ unreadCount }` each time one arrives',
    description:
      'Send `Accept: text/event-stream` and the bearer token in the Authorization header; other requests get 400 VALIDATION_FAILED. A comment line is sent every 20 s to keep the connection open.',
  })
  @ApiProduces('text/event-stream')
  open(@Req() req: Request, @Res() res: Response, @CurrentUser() user: User) {
    return this.stream.open(req, res, user);
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
