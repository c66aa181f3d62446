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
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { MERGE_FIELDS } from './campaign-template';
import { CampaignTrackingService } from './campaign-tracking.service';
import {
  bounceSchema,
  campaignPageSchema,
  campaignResultsSchema,
  campaignViewSchema,
  createCampaignSchema,
  listCampaignsQuerySchema,
  listRecipientsQuerySchema,
  recipientPageSchema,
  scheduleCampaignSchema,
  updateCampaignSchema,
  type BounceInput,
  type CreateCampaignInput,
  type ListCampaignsQuery,
  type ListRecipientsQuery,
  type ScheduleCampaignInput,
  type UpdateCampaignInput,
} from './campaign.dto';
import { CampaignsService } from './campaigns.service';

const EXAMPLE = {
  name: 'Spring webinar invitation',
  segmentId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
  purpose: 'marketing',
  subject: 'An invitation for {{account.name}}',
  body: '<p>Hello {{contact.firstName}},</p><p>Join us: <a href="https://example.com/webinar">register</a>.</p><p>{{owner.name}}</p>',
  bodyFormat: 'html',
  scheduledAt: null,
  ratePerMinute: 120,
  batchSize: 20,
};

// The address the scheduler reached Baton through is where recipients' links will point.
function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

// Managers (and admins) run campaigns; engineers may read them. Writes narrow this to managers.
@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('manager', 'engineer')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly tracking: CampaignTrackingService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Campaigns, newest first, with their sent/opened/clicked counts' })
  @ApiJsonResponse(200, campaignPageSchema)
  list(@Query(new ZodPipe(listCampaignsQuerySchema, 'query')) query: ListCampaignsQuery) {
    return this.campaigns.list(query);
  }

  @Post()
  @Roles('manager')
  @ApiOperation({
    summary: 'Create a draft campaign',
    description:
      'Merge fields are checked against the records: an unknown one is refused with TEMPLATE_FIELD_UNKNOWN, its field and position in details.',
  })
  @ApiJsonBody(createCampaignSchema, EXAMPLE)
  @ApiJsonResponse(201, campaignViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createCampaignSchema, 'campaign')) body: CreateCampaignInput,
    @CurrentUser() user: User,
  ) {
    return this.campaigns.create(body, user);
  }

  @Get('merge-fields')
  @ApiOperation({
    summary: 'What {{…}} may name in a subject or body, by record: contact, account, owner, campaign',
  })
  @ApiJsonResponse(200, z.object({ fields: z.record(z.string(), z.array(z.string())) }))
  mergeFields() {
    return { fields: MERGE_FIELDS };
  }

  /** Declared before `:id` routes so "bounces" is never read as an id. */
  @Post('bounces')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report a bounce (for mail providers): by Message-ID, or by email and campaign',
    description: 'The recipient is marked bounced and a "bounced" campaign event recorded, once.',
  })
  @ApiJsonBody(bounceSchema, { messageId: '<baton.3f1c…@example.com>', reason: '550 5.1.1 no such user' })
  @ApiJsonResponse(200, z.object({ recipientId: z.uuid(), recorded: z.boolean() }))
  bounce(@Body(new ZodPipe(bounceSchema, 'bounce')) body: BounceInput) {
    return this.tracking.bounced(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign' })
  @ApiJsonResponse(200, campaignViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.get(id);
  }

  @Patch(':id')
  @Roles('manager')
  @ApiOperation({ summary: 'Change a draft; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateCampaignSchema, { version: 1, subject: 'Last seats, {{contact.firstName}}' })
  @ApiJsonResponse(200, campaignViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateCampaignSchema, 'campaign change')) body: UpdateCampaignInput,
    @CurrentUser() user: User,
  ) {
    return this.campaigns.update(id, body, user);
  }

  @Delete(':id')
  @Roles('manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User): Promise<void> {
    await this.campaigns.remove(id, user);
  }

  @Post(':id/schedule')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a draft at its scheduled time, or now when it has none',
    description:
      'Optional body `{ "scheduledAt": "…" | null }` sets the time first. Tracked links point at the address this request was made to.',
  })
  @ApiJsonResponse(200, campaignViewSchema)
  schedule(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(scheduleCampaignSchema, 'schedule')) body: ScheduleCampaignInput,
    @Req() req: Request,
    @CurrentUser() user: User,
  ) {
    return this.campaigns.schedule(id, body, originOf(req), user);
  }

  @Post(':id/cancel')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel: a scheduled campaign never sends, a sending one stops after its batch' })
  @ApiJsonResponse(200, campaignViewSchema)
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.campaigns.cancel(id, user);
  }

  @Get(':id/results')
  @ApiOperation({
    summary: 'Counts per event, the delivered → opened → clicked funnel, events over time, links',
  })
  @ApiJsonResponse(200, campaignResultsSchema)
  results(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.results(id);
  }

  @Get(':id/recipients')
  @ApiOperation({ summary: 'Recipients: sent, skipped (and why), bounced, failed; who opened and clicked' })
  @ApiJsonResponse(200, recipientPageSchema)
  recipients(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(new ZodPipe(listRecipientsQuerySchema, 'query')) query: ListRecipientsQuery,
  ) {
    return this.campaigns.recipients(id, query);
  }
}
