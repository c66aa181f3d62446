import type { EntityManager } from '@mikro-orm/postgresql';
import { RECORD_ADAPTERS } from '../engine/records/adapters';
import type { SegmentMemberView } from './segment.dto';
import type { SegmentEntity } from './segment.entity';

/** Members as the preview table shows them: label and the fields conditions see, in `ids` order. */
export async function memberViews(
  em: EntityManager,
  entity: SegmentEntity,
  ids: readonly string[],
): Promise<SegmentMemberView[]> {
  if (ids.length === 0) return [];
  const adapter = RECORD_ADAPTERS[entity];
  const records = await em.fork({ clear: true }).find(
    adapter.entity,
    { id: { $in: [...ids] } },
    {
      populate: adapter.populate as never,
    },
  );
  const byId = new Map(records.map((r: { id: string }) => [r.id, r]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record === undefined ? [] : [{ id, label: adapter.label(record), fields: adapter.fields(record) }];
  });
}
