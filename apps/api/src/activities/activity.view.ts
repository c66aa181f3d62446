import type { ActivityKindView, ActivityView } from './activity.dto';
import type { Activity } from './activity.entity';
import type { ActivityKind } from './activity-kind.entity';

export function activityKindView(kind: ActivityKind): ActivityKindView {
  return { id: kind.id, key: kind.key, label: kind.label, icon: kind.icon, active: kind.active };
}

/** Needs `author` populated. */
export function activityView(activity: Activity): ActivityView {
  return {
    id: activity.id,
    kind: activity.kind,
    subject: activity.subject,
    body: activity.body,
    occurredAt: activity.occurredAt.toISOString(),
    durationMinutes: activity.durationMinutes,
    record: { type: activity.recordType, id: activity.recordId },
    author: { id: activity.author.id, name: activity.author.name },
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
    version: activity.version,
  };
}
