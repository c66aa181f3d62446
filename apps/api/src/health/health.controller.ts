import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { z } from 'zod';
import { Public } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { EngineWorkerService } from '../engine/engine-worker.service';
import { TemporalService } from '../engine/temporal.service';
import { Lifecycle } from './lifecycle';

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
const liveSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  draining: z.boolean(),
  database: dependency,
  temporal: dependency,
  worker: z
    .enum(['running', 'starting', 'stopping', 'stopped'])
    .optional()
    .describe('Processes that run the Temporal worker: whether it polls its task queues'),
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
    private readonly worker: EngineWorkerService,
    private readonly lifecycle: Lifecycle,
  ) {}

  private dependencies(): Promise<[Dependency, Dependency]> {
    return Promise.all([
      probe(() => this.orm.em.getConnection().execute('select 1')),
      probe(() => this.temporal.ping()),
    ]);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database and Temporal are both reachable, 503 otherwise' })
  @ApiJsonResponse(200, healthSchema)
  @ApiJsonResponse(503, healthSchema, 'A dependency is down')
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await this.dependencies();
    const ok = database.status === 'up' && temporal.status === 'up';
    res.status(ok ? 200 : 503);
    if (!ok) res.setHeader('Retry-After', '5');
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }

  // Liveness asks only "is this process answering?": restarting it because PostgreSQL is down
  // would not bring PostgreSQL back.
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers, whatever its dependencies' })
  @ApiJsonResponse(200, liveSchema)
  live() {
    return { status: 'ok' as const };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: 200 when this process can do its work (database and Temporal answer, its worker polls) and is not stopping',
  })
  @ApiJsonResponse(200, readySchema)
  @ApiJsonResponse(503, readySchema, 'Stopping, or a dependency is down')
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await this.dependencies();
    const worker = this.worker.state();
    const ready =
      !this.lifecycle.draining &&
      database.status === 'up' &&
      temporal.status === 'up' &&
      (worker === undefined || worker === 'running');
    res.status(ready ? 200 : 503);
    if (!ready) res.setHeader('Retry-After', '5');
    return {
      status: ready ? ('ready' as const) : ('not_ready' as const),
      draining: this.lifecycle.draining,
      database,
      temporal,
      ...(worker === undefined ? {} : { worker }),
    };
  }
}
