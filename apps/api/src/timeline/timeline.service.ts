import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import type { Page } from '../common/pagination';
import { pathRecord } from '../record-links/record-link';
import type { User } from '../users/user.entity';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';
import { TIMELINE_PATHS, type TimelineItem, type TimelineQuery } from './timeline.dto';
import { timelineQuery, type TimelineRow } from './timeline.sql';

function item(row: TimelineRow): TimelineItem {
  return {
    kind: row.kind as TimelineItem['kind'],
    id: row.id,
    // Microseconds are for the cursor; the API speaks milliseconds like everywhere else.
    at: `${row.at_key.slice(0, 23)}Z`,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    summary: row.summary,
    data: row.data,
  };
}

@Injectable()
export class TimelineService {
  constructor(private readonly em: EntityManager) {}

  async timeline(path: string, id: string, query: TimelineQuery, viewer: User): Promise<Page<TimelineItem>> {
    if (!Object.hasOwn(TIMELINE_PATHS, path)) throw new BatonError('NOT_FOUND', `No records called ${path}`);
    const record = await pathRecord(this.em, TIMELINE_PATHS[path as keyof typeof TIMELINE_PATHS], id, viewer);
    const after = decodeTimelineCursor(query.cursor);
    const { sql, params } = timelineQuery(record, viewer.id, after, query.limit + 1);
    const rows = await this.em.execute<TimelineRow[]>(sql, params, 'all');
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? encodeTimelineCursor({ at: last.at_key, kind: last.kind, id: last.id })
        : null;
    return { items: page.map(item), nextCursor };
  }
}
