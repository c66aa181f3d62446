import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ENTITY_FIELDS, ENTITY_TYPES, conditionSchemaFor } from '@baton/contracts';
import { BatonError, type Role } from '@baton/domain';
import { evaluateRule, truthy, validateRule, type FieldSchema } from '@baton/rules';
import { MikroCrmGateway } from '../engine/crm-gateway';
import type { User } from '../users/user.entity';
import { FIELD_OPTIONS } from './field-options';
import type { EvaluateBody, RecordEvaluateBody } from './rules.dto';

// Reading a record's fields through a condition is a workflow author's tool, like a dry run.
const RECORD_TESTERS: readonly Role[] = ['admin', 'engineer', 'manager'];

/** Conditions for the editor: their fields, and evaluating them on given data or a stored record. */
@Injectable()
export class RulesService {
  constructor(private readonly em: EntityManager) {}

  evaluate(body: EvaluateBody) {
    assertValid(body.rule);
    return { result: evaluateRule(body.rule, body.data ?? {}, { now: body.now ?? new Date() }) ?? null };
  }

  /** Whether the condition holds for the record now, with the data a run started on it would see. */
  async evaluateOnRecord(body: RecordEvaluateBody, actor: User) {
    if (!RECORD_TESTERS.includes(actor.role)) {
      throw new BatonError('FORBIDDEN', 'Testing a condition on a record is for workflow authors', {
        requiredRoles: RECORD_TESTERS,
      });
    }
    assertValid(body.condition, conditionSchemaFor(body.entity));
    // Throws NOT_FOUND with the type and id when there is no such record.
    const record = await new MikroCrmGateway(this.em).getRecord({ type: body.entity, id: body.recordId });
    const data = { [body.entity]: record.fields, steps: {}, trigger: {} };
    const value = evaluateRule(body.condition, data, { now: body.now ?? new Date() }) ?? null;
    return { result: truthy(value), value, record: { id: record.id, label: record.label } };
  }

  fields() {
    return {
      items: ENTITY_TYPES.map((entity) => ({
        entity,
        fields: Object.entries(ENTITY_FIELDS[entity]).map(([name, definition]) => {
          const options = FIELD_OPTIONS[entity]?.[name];
          return {
            name,
            path: `${entity}.${name}`,
            label: definition.label ?? name,
            type: definition.type,
            ...(options === undefined ? {} : { options: [...options] }),
          };
        }),
      })),
    };
  }
}

function assertValid(rule: unknown, schema?: FieldSchema): void {
  const checked = validateRule(rule, schema);
  if (!checked.ok) {
    throw new BatonError('RULE_INVALID', `The rule is not valid: ${checked.errors[0]!.message}`, {
      errors: checked.errors,
    });
  }
}
