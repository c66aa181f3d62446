import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import type { User } from '../users/user.entity';
import { WebhookSecretsService } from './webhook-secrets.service';

const issuedSchema = z.object({
  secret: z.string(),
  createdAt: z.string(),
  secretSet: z.literal(true),
  secretCreatedAt: z.string(),
  hooks: z.array(z.object({ triggerId: z.string(), url: z.string() })),
});

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WebhookSecretController {
  constructor(private readonly secrets: WebhookSecretsService) {}

  @Post(':id/webhook-secret')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Issue a new webhook secret for the workflow (admins only). It is shown in this answer only; the previous one stops working at once',
  })
  @ApiJsonResponse(200, issuedSchema)
  rotate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.secrets.rotate(id, user);
  }
}
