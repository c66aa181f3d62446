import { z } from 'zod';
import { BACKTEST_STATUSES } from './backtest.entity';

export const MAX_BACKTEST_RECORDS = 500;

export const startBacktestSchema = z.strictObject({
  /** How many of the newest records of the trigger's entity to try. */
  limit: z.number().int().min(1).max(MAX_BACKTEST_RECORDS).default(100),
});
export type StartBacktestBody = z.infer<typeof startBacktestSchema>;

const sideSchema = z.object({
  version: z.number(),
  /** Records for which a trigger's condition holds now. */
  entered: z.number(),
  notEntered: z.number(),
  /** Entered records whose dry run ended in a failed step. */
  failed: z.number(),
  /** The paths the entered records took (step ids in order), most frequent first. */
  byPath: z.array(z.object({ path: z.array(z.string()), count: z.number() })),
});

export const backtestViewSchema = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  version: z.number(),
  entity: z.string(),
  status: z.enum(BACKTEST_STATUSES),
  /** Records done so far, of `total` (the newest `limit` records, or fewer if there are fewer). */
  done: z.number(),
  total: z.number(),
  /** Counts so far; final once `status` is `completed`. */
  results: sideSchema.extend({ comparedWith: sideSchema.nullable() }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type BacktestView = z.infer<typeof backtestViewSchema>;
