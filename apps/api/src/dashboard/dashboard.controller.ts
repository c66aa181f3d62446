import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import type { User } from '../users/user.entity';
import { dashboardSchema } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary:
      'Lead funnel, overdue tasks, SLA breaches (30 days), workflow runs (7 days) and renewals (90 days): ' +
      "a rep's own records, a manager's team's, everyone's for admins",
  })
  @ApiJsonResponse(200, dashboardSchema)
  get(@CurrentUser() user: User) {
    return this.dashboard.dashboard(user);
  }
}
