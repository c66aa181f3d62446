import { Module } from '@nestjs/common';
import { RunOnRecordService } from '../runs/run-on-record.service';
import { BacktestRunnerService } from './backtest-runner.service';
import { BacktestsController } from './backtests.controller';
import { BacktestsService } from './backtests.service';

/** Backtests: a version dry-run over many records at once, compared with the published one. */
@Module({
  controllers: [BacktestsController],
  providers: [BacktestsService, BacktestRunnerService, RunOnRecordService],
})
export class BacktestsModule {}
