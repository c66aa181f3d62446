import { CONTROL_STEP_CONFIG_SCHEMAS, CONTROL_STEP_TYPES, WAIT_STEP_TYPES } from '@baton/contracts';
import type { z } from 'zod';
import { pointer } from './diagnostics';

/** `control` steps are run by the interpreter itself (branch, delay); `activity` steps by a worker. */
export type StepKind = 'control' | 'activity';

/** One problem with a step's config. `path` is a JSON Pointer into the config ("" is the config itself). */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** What the validator needs to know about one step type. */
export interface StepDescriptor {
  readonly kind: StepKind;
  /** True when the step waits durably (a timer, a signal): a cycle through it is a loop, not a runaway. */
  readonly waits: boolean;
  /** Problems with a step's config; empty when it is valid. */
  validateConfig(config: unknown): readonly ConfigIssue[];
}

/** The step types a deployment knows. Callers build it from the activity registry plus {@link CONTROL_STEP_ENTRIES}. */
export interface StepCatalog {
  /** The step type's descriptor, or undefined when the type is unknown. */
  describe(type: string): StepDescriptor | undefined;
}

/** One step type described by its zod config schema, for {@link createStepCatalog}. */
export interface StepCatalogEntry {
  readonly type: string;
  readonly kind: StepKind;
  /** Defaults to false. */
  readonly waits?: boolean;
  readonly configSchema: z.ZodType;
}

/** The interpreter's own step types (`branch`, `delay`), from the contracts. */
export const CONTROL_STEP_ENTRIES: readonly StepCatalogEntry[] = CONTROL_STEP_TYPES.map((type) => ({
  type,
  kind: 'control',
  waits: WAIT_STEP_TYPES.has(type),
  configSchema: CONTROL_STEP_CONFIG_SCHEMAS[type],
}));

/**
 * Builds a {@link StepCatalog} from zod config schemas. A config is valid when its schema parses
 * it. Throws when two entries share a type, as that is a programming error.
 */
export function createStepCatalog(entries: readonly StepCatalogEntry[]): StepCatalog {
  const descriptors = new Map<string, StepDescriptor>();
  for (const entry of entries) {
    if (descriptors.has(entry.type)) throw new Error(`Step type "${entry.type}" is in the catalog twice`);
    const { kind, configSchema } = entry;
    descriptors.set(entry.type, {
      kind,
      waits: entry.waits ?? false,
      validateConfig(config) {
        const result = configSchema.safeParse(config);
        if (result.success) return [];
        return result.error.issues.map((issue) => ({
          path: pointer('', ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))),
          message: issue.message,
        }));
      },
    });
  }
  return { describe: (type) => descriptors.get(type) };
}
