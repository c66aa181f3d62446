import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service';
import { ExportService } from './export.service';
import { PrivacyController } from './privacy.controller';
import { RetentionActivitiesService } from './retention/retention.activities';
import { RetentionController } from './retention/retention.controller';
import { RetentionScheduleService } from './retention/retention-schedule.service';
import { RetentionService } from './retention/retention.service';
import { RunStopper } from './run-stopper';

/** Personal-data rights: export, erasure and the lead retention policy with its scheduled sweep. */
@Module({
  controllers: [PrivacyController, RetentionController],
  providers: [
    ExportService,
    ErasureService,
    RunStopper,
    RetentionService,
    RetentionScheduleService,
    RetentionActivitiesService,
  ],
  // The engine worker runs the retention sweep's activity.
  exports: [RetentionActivitiesService],
})
export class PrivacyModule {}
