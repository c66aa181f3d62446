import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  createTeamSchema,
  teamListSchema,
  teamViewSchema,
  updateTeamSchema,
  updateUserSchema,
  userAdminViewSchema,
  type CreateTeam,
  type UpdateTeam,
  type UpdateUser,
} from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('teams')
  @Roles('manager')
  @ApiOperation({ summary: 'Teams with their manager and active members' })
  @ApiJsonResponse(200, teamListSchema)
  list() {
    return this.teams.list();
  }

  @Post('teams')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a team (admins)' })
  @ApiJsonBody(createTeamSchema, { name: 'EMEA Sales' })
  @ApiJsonResponse(201, teamViewSchema, 'Created')
  create(@Body(new ZodPipe(createTeamSchema, 'body')) body: CreateTeam, @CurrentUser() user: User) {
    return this.teams.create(body, user);
  }

  @Patch('teams/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a team or change its manager (admins)' })
  @ApiJsonBody(updateTeamSchema, { name: 'EMEA & Africa Sales' })
  @ApiJsonResponse(200, teamViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateTeamSchema, 'body')) body: UpdateTeam,
    @CurrentUser() user: User,
  ) {
    return this.teams.update(id, body, user);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Change a user's manager, team, role or whether they are active (admins); a loop in the chain is refused",
  })
  @ApiJsonBody(updateUserSchema, { managerId: null, active: false })
  @ApiJsonResponse(200, userAdminViewSchema)
  updateUser(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateUserSchema, 'body')) body: UpdateUser,
    @CurrentUser() user: User,
  ) {
    return this.teams.updateUser(id, body, user);
  }
}
