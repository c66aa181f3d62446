import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { backtestViewSchema, startBacktestSchema, type StartBacktestBody } from './backtest.dto';
import { BacktestsService } from './backtests.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller()
export class BacktestsController {
  constructor(private readonly backtests: BacktestsService) {}

  @Post('workflows/:id/versions/:version/backtest')
  @HttpCode(202)
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary:
      'Dry-run a version over the newest records of its trigger’s entity, beside the published version; follow it with GET /api/backtests/{id}',
  })
  @ApiJsonBody(startBacktestSchema, { limit: 100 })
  @ApiJsonResponse(202, backtestViewSchema, 'Started')
  start(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParseIntPipe()) version: number,
    @Body(new ZodPipe(startBacktestSchema, 'backtest')) body: StartBacktestBody,
    @CurrentUser() user: User,
  ) {
    return this.backtests.start(id, version, body, user);
  }

  @Get('backtests/:id')
  @Roles('engineer', 'manager')
  @ApiOperation({
    summary: 'A backtest: its progress, how many records entered and the paths they took, per version',
  })
  @ApiJsonResponse(200, backtestViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.backtests.get(id);
  }
}
