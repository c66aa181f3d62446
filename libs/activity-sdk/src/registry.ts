import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isControlStepType } from '@baton/contracts';
import { isActivityType, type ActivityType } from './define';

/** What the editor needs to draw a palette entry and generate the step's form. */
export interface ActivityTypeDescriptor {
  type: string;
  title: string;
  category: string;
  icon: string | null;
  description: string | null;
  configSchema: Record<string, unknown>;
  inputSchema: Record<string, unknown> | null;
  outputSchema: Record<string, unknown>;
  retry: ActivityType['retry'] | null;
  timeoutSeconds: number | null;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export class ActivityRegistry {
  private readonly types = new Map<string, ActivityType>();

  constructor(types: Iterable<ActivityType> = []) {
    for (const type of types) this.register(type);
  }

  register(type: ActivityType): void {
    if (isControlStepType(type.type))
      throw new Error(`"${type.type}" is a control step kind, not an activity type`);
    if (this.types.has(type.type)) throw new Error(`activity type "${type.type}" is defined twice`);
    this.types.set(type.type, type);
  }

  get(type: string): ActivityType | undefined {
    return this.types.get(type);
  }

  list(): ActivityType[] {
    return [...this.types.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title),
    );
  }

  describe(): ActivityTypeDescriptor[] {
    return this.list().map((t) => ({
      type: t.type,
      title: t.title,
      category: t.category,
      icon: t.icon ?? null,
      description: t.description ?? null,
      configSchema: jsonSchema(t.configSchema, 'input'),
      inputSchema: t.inputSchema ? jsonSchema(t.inputSchema, 'input') : null,
      outputSchema: jsonSchema(t.outputSchema, 'output'),
      retry: t.retry ?? null,
      timeoutSeconds: t.timeoutSeconds ?? null,
    }));
  }
}

const MODULE_PATTERN = /\.activity\.(js|ts)$/;

/**
 * Loads every activity type exported by a `*.activity.js` (or, under ts-jest, `.ts`) module in a
 * folder. Adding a kind is adding a file: no list to edit, no engine code to touch.
 */
export function discoverActivityTypes(dir: string): ActivityType[] {
  const found: ActivityType[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!MODULE_PATTERN.test(file) || file.endsWith('.d.ts')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (isActivityType(value)) found.push(value);
  }
  return found;
}
