import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { CampaignSender } from './campaign-sender';
import { CampaignTrackingService } from './campaign-tracking.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { TrackingController } from './tracking.controller';

/**
 * Email campaigns: editing and scheduling, the sending workflow's activities (exported for the
 * engine's worker), the tracking links in the mails, and the consents they depend on.
 */
@Module({
  imports: [ConsentsModule],
  controllers: [CampaignsController, TrackingController],
  providers: [CampaignsService, CampaignSender, CampaignTrackingService],
  exports: [CampaignSender],
})
export class CampaignsModule {}
