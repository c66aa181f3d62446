import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { z } from 'zod';
import { Public } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { TemporalService } from '../engine/temporal.service';

const dependency = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  error: z.string().optional(),
});
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: dependency,
  temporal: dependency,
});
type Dependency = z.infer<typeof dependency>;

async function probe(check: () => Promise<unknown>): Promise<Dependency> {
  const started = Date.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2s')), 2000)),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly orm: MikroORM,
    private readonly temporal: TemporalService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database and Temporal are both reachable, 503 otherwise' })
  @ApiJsonResponse(200, healthSchema)
  @ApiJsonResponse(503, healthSchema, 'A dependency is down')
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await Promise.all([
      probe(() => this.orm.em.getConnection().execute('select 1')),
      probe(() => this.temporal.ping()),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    res.status(ok ? 200 : 503);
    if (!ok) res.setHeader('Retry-After', '5');
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
