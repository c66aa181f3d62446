import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Public } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { WebhooksService } from './webhooks.service';

const startedSchema = z.object({ runId: z.string() });
const notStartedSchema = z.object({
  runId: z.null(),
  reason: z.enum(['condition', 'reenroll']),
  message: z.string(),
});

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

@ApiTags('webhooks')
@Controller('hooks')
export class HooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post(':workflowId/:triggerId')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Deliver a webhook to a workflow\'s webhook trigger. Authenticate with the workflow\'s secret: "Authorization: Bearer <secret>" or "X-Baton-Signature: sha256=<hex HMAC-SHA256 of the raw body>". Optional "Idempotency-Key" makes a retried delivery start no second run. Body: a JSON object, at most 256 KiB.',
  })
  @ApiJsonResponse(202, startedSchema, 'Run started')
  @ApiJsonResponse(200, notStartedSchema, 'Authenticated, but no run started')
  async deliver(
    @Param('workflowId') workflowId: string,
    @Param('triggerId') triggerId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.webhooks.deliver({
      workflowId,
      triggerId,
      credentials: {
        authorization: header(req, 'authorization'),
        signature: header(req, 'x-baton-signature'),
      },
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      idempotencyKey: header(req, 'idempotency-key'),
    });
    if (result.runId === null) res.status(200);
    return result;
  }
}
