import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { userDirectorySchema } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Active users (id, name, role, manager), by name: for delegating and team views' })
  @ApiJsonResponse(200, userDirectorySchema)
  list() {
    return this.users.directory();
  }
}
