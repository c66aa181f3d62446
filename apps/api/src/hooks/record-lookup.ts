import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityType } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { RECORD_ADAPTERS } from '../engine/records/adapters';
import type { RecordKey } from './payload';

/**
 * The live record a delivery names, with its fields as conditions see them. A field match compares
 * exactly; `ownerId`-style fields compare the referenced record's id. Throws RECORD_NOT_FOUND when
 * nothing matches and CONFLICT when several records do (acting on a guess would be worse).
 */
export async function findRecord(
  em: EntityManager,
  entity: EntityType,
  key: Exclude<RecordKey, { problem: string }>,
): Promise<{ id: string; fields: Record<string, unknown> }> {
  const adapter = RECORD_ADAPTERS[entity];
  const meta = em.getMetadata().get(adapter.entity.name);
  const where: Record<string, unknown> = {};
  if (meta.properties['archivedAt']) where.archivedAt = null;
  if (key.by === 'id') {
    where.id = key.id;
  } else {
    const reference = key.field.endsWith('Id') ? key.field.slice(0, -2) : undefined;
    const property = meta.properties[key.field]
      ? key.field
      : reference && meta.properties[reference]?.kind === ReferenceKind.MANY_TO_ONE
        ? reference
        : undefined;
    if (property === undefined) {
      throw new BatonError('DEFINITION_INVALID', `A ${entity} cannot be found by "${key.field}"`, {
        field: key.field,
      });
    }
    where[property] = key.value;
  }
  const found = (await em.find(adapter.entity, where, {
    populate: adapter.populate as never,
    limit: 2,
  })) as Array<{ id: string }>;
  if (found.length === 0) {
    throw new BatonError('RECORD_NOT_FOUND', `No ${entity} matches this delivery`, {
      entity,
      ...(key.by === 'id' ? { id: key.id } : { field: key.field }),
    });
  }
  if (found.length > 1) {
    throw new BatonError(
      'CONFLICT',
      `Several ${entity} records have this ${key.by === 'field' ? key.field : 'id'}`,
      {
        entity,
        ...(key.by === 'field' ? { field: key.field } : {}),
      },
    );
  }
  const record = found[0]!;
  return { id: record.id, fields: adapter.fields(record) };
}
