import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { RunStepInput } from '@baton/contracts';

/**
 * One kind of workflow step. Its `run` executes inside a database transaction that also records
 * the step's output under the run's idempotency key, so the step's writes happen exactly once.
 */
export interface StepHandler<Config = unknown> {
  type: string;
  title: string;
  category: string;
  configSchema: z.ZodType<Config>;
  run(args: { config: Config; input: RunStepInput; em: EntityManager }): Promise<Record<string, unknown>>;
}

export function defineStepHandler<Config>(handler: StepHandler<Config>): StepHandler<Config> {
  return handler;
}
