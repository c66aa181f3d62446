import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../../common/auth.decorators';
import { ApiJsonResponse } from '../../common/openapi.decorators';
import { SchedulesService } from './schedules.service';

const runNowResultSchema = z.object({ scheduleId: z.string() });

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class RunNowController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post(':id/triggers/:triggerId/run-now')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Take one tick of a schedule trigger now (admins only): its Temporal Schedule starts a sweep at once; skipped while a tick is still running',
  })
  @ApiJsonResponse(202, runNowResultSchema, 'Triggered')
  runNow(@Param('id', new ParseUUIDPipe()) id: string, @Param('triggerId') triggerId: string) {
    return this.schedules.runNow(id, triggerId);
  }
}
