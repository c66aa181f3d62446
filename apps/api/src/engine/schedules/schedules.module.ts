import { Module } from '@nestjs/common';
import { RunNowController } from './run-now.controller';
import { ScheduledSweepService } from './scheduled-sweep.service';
import { SchedulesService } from './schedules.service';

/** Schedule triggers: their Temporal Schedules, the sweep a tick runs, and "run now". */
@Module({
  controllers: [RunNowController],
  providers: [SchedulesService, ScheduledSweepService],
  exports: [SchedulesService, ScheduledSweepService],
})
export class SchedulesModule {}
