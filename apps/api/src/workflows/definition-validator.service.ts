import { Injectable } from '@nestjs/common';
import { ActivityRegistry } from '@baton/activity-sdk';
import { conditionSchemaFor, workflowDefinitionSchema, type WorkflowDefinition } from '@baton/contracts';
import {
  CONTROL_STEP_ENTRIES,
  createStepCatalog,
  validateDefinition,
  type StepCatalog,
} from '@baton/rule-builder-core';
import { BatonError } from '@baton/domain';

export interface DefinitionCheck {
  ok: boolean;
  errors: ReadonlyArray<{ code: string; message: string; nodeId?: string; edgeId?: string; path?: string }>;
  warnings: ReadonlyArray<{ code: string; message: string; nodeId?: string; edgeId?: string; path?: string }>;
}

/** Checks a definition with the compiler against the installed activity types and entity fields. */
@Injectable()
export class DefinitionValidatorService {
  private readonly catalog: StepCatalog;

  constructor(registry: ActivityRegistry) {
    this.catalog = createStepCatalog([
      ...CONTROL_STEP_ENTRIES,
      ...registry
        .list()
        .map((type) => ({ type: type.type, kind: 'activity' as const, configSchema: type.configSchema })),
    ]);
  }

  check(definition: unknown): DefinitionCheck {
    const result = validateDefinition(definition, {
      catalog: this.catalog,
      entitySchema: conditionSchemaFor,
    });
    return { ok: result.ok, errors: result.errors, warnings: result.warnings };
  }

  /** The definition, typed, or DEFINITION_INVALID listing every problem. */
  assertValid(definition: unknown): WorkflowDefinition {
    const result = this.check(definition);
    if (!result.ok) {
      const first = result.errors[0]!;
      throw new BatonError(
        'DEFINITION_INVALID',
        `The workflow has ${result.errors.length} problem(s); first: ${first.code} ${first.message}`,
        result,
      );
    }
    // Parsed, so the stored definition carries the schema's defaults explicitly.
    const typed = workflowDefinitionSchema.parse(definition);
    const entities = new Set(typed.triggers.map((t) => t.entity));
    if (entities.size > 1) {
      throw new BatonError(
        'DEFINITION_INVALID',
        'All triggers of a workflow must watch the same kind of record',
        {
          ok: false,
          errors: [{ code: 'MIXED_ENTITIES', message: `Triggers watch ${[...entities].join(', ')}` }],
          warnings: [],
        },
      );
    }
    return typed;
  }
}
