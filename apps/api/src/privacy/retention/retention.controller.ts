import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../../common/openapi.decorators';
import { ZodPipe } from '../../common/zod.pipe';
import type { User } from '../../users/user.entity';
import {
  retentionPolicyInputSchema,
  retentionPolicyViewSchema,
  retentionRunInputSchema,
  retentionRunResultSchema,
  type RetentionPolicyInput,
  type RetentionRunInput,
} from '../privacy.dto';
import { RetentionService } from './retention.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Roles('admin')
@Controller('privacy/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOperation({ summary: 'The lead retention policy and when its sweep runs next (admins only)' })
  @ApiJsonResponse(200, retentionPolicyViewSchema)
  get() {
    return this.retention.view();
  }

  @Put()
  @ApiOperation({ summary: 'Change the lead retention policy (admins only; audited)' })
  @ApiJsonBody(retentionPolicyInputSchema, { enabled: true, inactiveMonths: 24 })
  @ApiJsonResponse(200, retentionPolicyViewSchema)
  put(
    @Body(new ZodPipe(retentionPolicyInputSchema, 'retention policy')) body: RetentionPolicyInput,
    @CurrentUser() user: User,
  ) {
    return this.retention.update(body, user);
  }

  @Post('run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the retention sweep now (admins only)',
    description:
      'With `dryRun: true`, lists the leads that would be erased and erases nothing. Otherwise runs the sweep workflow at once, each lead through the erasure path with its own audit entry, and answers when it is done.',
  })
  @ApiJsonBody(retentionRunInputSchema, { dryRun: true })
  @ApiJsonResponse(200, retentionRunResultSchema)
  run(
    @Body(new ZodPipe(retentionRunInputSchema, 'retention run')) body: RetentionRunInput,
    @CurrentUser() user: User,
  ) {
    return this.retention.runNow(body.dryRun, user);
  }
}
