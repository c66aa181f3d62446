import { Global, Module } from '@nestjs/common';
import { Lifecycle } from '../health/lifecycle';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** /api/metrics, and the process lifecycle that health checks and shutdown share. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsAccessGuard, Lifecycle],
  exports: [MetricsService, Lifecycle],
})
export class MetricsModule {}
