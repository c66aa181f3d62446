import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  accountPageSchema,
  accountViewSchema,
  createAccountSchema,
  listAccountsQuerySchema,
  updateAccountSchema,
  type CreateAccountInput,
  type ListAccountsQuery,
  type UpdateAccountInput,
} from './account.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Create an account, owned by the creator unless ownerId says otherwise' })
  @ApiJsonBody(createAccountSchema, {
    name: 'Analytical Engines Ltd',
    domain: 'analytical.example',
    industry: 'Manufacturing',
    region: 'EMEA',
  })
  @ApiJsonResponse(201, accountViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createAccountSchema, 'account')) body: CreateAccountInput,
    @CurrentUser() user: User,
  ) {
    return this.accounts.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts (archived ones too with archived=true), keyset-paginated by sort' })
  @ApiJsonResponse(200, accountPageSchema)
  list(
    @Query(new ZodPipe(listAccountsQuerySchema, 'query')) query: ListAccountsQuery,
    @CurrentUser() user: User,
  ) {
    return this.accounts.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account, archived or not' })
  @ApiJsonResponse(200, accountViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.accounts.get(id);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateAccountSchema, { version: 1, industry: 'Aerospace' })
  @ApiJsonResponse(200, accountViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateAccountSchema, 'account change')) body: UpdateAccountInput,
    @CurrentUser() user: User,
  ) {
    return this.accounts.update(id, body, user);
  }

  @Delete(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Archive an account: hidden from lists, still readable by id' })
  @ApiJsonResponse(200, accountViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.accounts.archive(id, user);
  }
}
