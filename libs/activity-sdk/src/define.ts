import type { BusinessHours } from '@baton/domain';
import type { z } from 'zod';
import type { RetryPolicy, RunOrigin, TriggerData } from '@baton/contracts';
import type { CrmGateway, RecordRef } from './crm-gateway';
import type { OutboundPort } from './outbound';

/** What `run` receives: its validated config, where it runs, the CRM it may act on and the way out of it. */
export interface ActivityContext<Config> {
  config: Config;
  record: RecordRef;
  /** Outputs of the steps that ran before this one, by step id. */
  steps: Record<string, Record<string, unknown>>;
  /** What the trigger brought, e.g. a webhook's JSON as `payload`. */
  trigger?: TriggerData;
  /** The workflow's business hours (absent: Monday to Friday, 09:00–17:00 UTC). */
  businessHours?: BusinessHours;
  origin: RunOrigin;
  stepId: string;
  /** Run id + step id (+ visit): the same on every delivery of this step. */
  idempotencyKey: string;
  now: Date;
  crm: CrmGateway;
  /** Email and HTTP calls: effects outside the CRM's transaction, remembered by idempotency key. */
  outbound: OutboundPort;
}

export interface ActivityTypeSpec<Config, Output extends Record<string, unknown>> {
  /** Stable id used in definitions, e.g. `create_task`. Lower snake case. */
  type: string;
  title: string;
  /** Palette group in the editor, e.g. "Tasks", "Routing", "Scoring". */
  category: string;
  /** Name of an icon for the palette. */
  icon?: string;
  description?: string;
  configSchema: z.ZodType<Config>;
  /** Fields of the triggering record the step reads, for the editor and for validation. */
  inputSchema?: z.ZodType;
  outputSchema: z.ZodType<Output>;
  /** Defaults for steps of this type; a step's own policy wins. */
  retry?: RetryPolicy;
  timeoutSeconds?: number;
  run(context: ActivityContext<Config>): Promise<Output>;
}

const BRAND = Symbol.for('baton.activity-type');

export type ActivityType<
  Config = any,
  Output extends Record<string, unknown> = Record<string, unknown>,
> = Readonly<ActivityTypeSpec<Config, Output>> & { readonly [BRAND]: true };

const TYPE_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;

/**
 * Declares a kind of workflow step. Export the result from a `*.activity.ts` file in
 * libs/activity-types/src and it is registered everywhere: the compiler validates configs with it,
 * `GET /api/activity-types` serves it to the editor, and the worker runs it as a Temporal activity.
 *
 * @example
 * export const greet = defineActivityType({
 *   type: 'greet', title: 'Greet', category: 'Examples',
 *   configSchema: z.object({ greeting: z.string() }),
 *   outputSchema: z.object({ text: z.string() }),
 *   async run({ config, record, crm }) {
 *     const lead = await crm.getRecord(record);
 *     return { text: `${config.greeting}, ${lead.label}` };
 *   },
 * });
 */
export function defineActivityType<Config, Output extends Record<string, unknown>>(
  spec: ActivityTypeSpec<Config, Output>,
): ActivityType<Config, Output> {
  if (!TYPE_PATTERN.test(spec.type)) {
    throw new Error(
      `activity type "${spec.type}" must be lower snake case (a-z, 0-9, _), 2 to 63 characters`,
    );
  }
  return Object.freeze({ ...spec, [BRAND]: true as const });
}

export function isActivityType(value: unknown): value is ActivityType {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
