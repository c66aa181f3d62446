import { unreachableDependency } from '../common/outages';

// Inside the 15 s a CRM step gets per attempt, leaving time to do the work once PostgreSQL is back.
export const STEP_OUTAGE_WAIT_MS = 10_000;
const RETRY_EVERY_MS = 500;

/**
 * Runs a step's transaction, and while PostgreSQL is out of reach tries it again every half second
 * within the same attempt. A step has five attempts, one to eight seconds apart: failing each at
 * once, a database restart of fifteen seconds used up all five and failed the run. Trying again
 * is safe: the transaction rolled back, or it committed and the step's idempotency record says so.
 */
export async function throughDatabaseOutage<T>(
  transaction: () => Promise<T>,
  waitMs = STEP_OUTAGE_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await transaction();
    } catch (err) {
      if (unreachableDependency(err) !== 'database' || Date.now() + RETRY_EVERY_MS > deadline) throw err;
      await new Promise((r) => setTimeout(r, RETRY_EVERY_MS));
    }
  }
}
