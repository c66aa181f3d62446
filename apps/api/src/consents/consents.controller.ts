import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { parseOrThrow, ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  consentViewSchema,
  contactConsentsSchema,
  giveConsentSchema,
  purposeSchema,
  type GiveConsentInput,
} from './consent.dto';
import { ConsentsService } from './consents.service';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('contacts/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @ApiOperation({
    summary: "A contact's consents by purpose, withdrawn ones too, and the unsubscribes on file for them",
  })
  @ApiJsonResponse(200, contactConsentsSchema)
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.consents.list(id);
  }

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Record that the contact agreed to be written to for a purpose',
    description:
      'Campaigns for that purpose may then mail them. A consent already live for the purpose is answered as it is (200). Reps record consents for their own contacts.',
  })
  @ApiJsonBody(giveConsentSchema, { purpose: 'marketing', source: 'web form: newsletter sign-up' })
  @ApiJsonResponse(201, consentViewSchema, 'Recorded')
  @ApiJsonResponse(200, consentViewSchema, 'Already given')
  async give(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(giveConsentSchema, 'consent')) body: GiveConsentInput,
    @CurrentUser() user: User,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { consent, created } = await this.consents.give(id, body, user);
    res.status(created ? 201 : 200);
    return consent;
  }

  @Post(':purpose/withdraw')
  @Roles('sales_rep', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw the contact's consent for a purpose: no more campaigns for it" })
  @ApiJsonResponse(200, consentViewSchema)
  withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('purpose') purpose: string,
    @CurrentUser() user: User,
  ) {
    return this.consents.withdraw(id, parseOrThrow(purposeSchema, purpose, 'purpose'), user);
  }
}
