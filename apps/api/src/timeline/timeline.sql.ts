import { readableSql } from '../notes/note-access';

// One statement for the whole timeline: each source becomes rows of the same shape, and Postgres
// merges, orders and cuts the page. Bindings are listed next to the SQL that consumes them.

const ACTIVITIES = `
  select 'activity'::text as kind, a.id::text as id, a.occurred_at as at, a.author_id as actor_id,
         coalesce(k.label, a.kind) || ': ' || a.subject as summary,
         jsonb_build_object('activityId', a.id, 'kind', a.kind, 'subject', a.subject, 'body', a.body,
                            'occurredAt', a.occurred_at, 'durationMinutes', a.duration_minutes) as data
    from activities a left join activity_kinds k on k.key = a.kind
   where a.record_type = ? and a.record_id = ?`;

const NOTES = `
  select 'note', n.id::text, n.created_at, n.author_id, left(n.body, 200),
         jsonb_build_object('noteId', n.id, 'body', n.body, 'visibility', n.visibility)
    from notes n
   where n.record_type = ? and n.record_id = ? and ${readableSql('n')}`;

const taskData = (event: string) =>
  `jsonb_build_object('taskId', t.id, 'event', '${event}', 'title', t.title, 'status', t.status,
                      'priority', t.priority, 'dueAt', t.due_at, 'assigneeId', t.assignee_id,
                      'workflowName', t.workflow_name, 'stepId', t.step_id)`;

const TASKS_CREATED = `
  select 'task', t.id::text || ':created', t.created_at, t.created_by_id, 'Task created: ' || t.title,
         ${taskData('created')}
    from tasks t
   where t.record_type = ? and t.record_id = ?`;

// Who completed a task is not recorded, so completions carry no actor.
const TASKS_COMPLETED = `
  select 'task', t.id::text || ':completed', t.completed_at, null::uuid, 'Task completed: ' || t.title,
         ${taskData('completed')}
    from tasks t
   where t.record_type = ? and t.record_id = ? and t.completed_at is not null`;

const CHANGES = `
  select 'change', e.id::text, e.occurred_at, (e.payload->>'actorId')::uuid,
         e.type || coalesce(': ' || (select string_agg(f, ', ' order by f)
                                       from jsonb_object_keys(e.payload->'changes') as f), ''),
         jsonb_build_object('type', e.type, 'changes', e.payload->'changes', 'cause', e.payload->'cause')
    from outbox_events e
   where e.aggregate_type = ? and e.aggregate_id = ?`;

// Changes to the record's tasks (snoozed, reassignment asked for, handed on) are part of its story;
// their creation and completion already come from TASKS_CREATED and TASKS_COMPLETED.
const TASK_CHANGES = `
  select 'change', e.id::text, e.occurred_at, (e.payload->>'actorId')::uuid,
         e.type || ': ' || t.title,
         jsonb_build_object('type', e.type, 'changes', e.payload->'changes', 'cause', e.payload->'cause',
                            'taskId', t.id, 'taskTitle', t.title)
    from outbox_events e join tasks t on t.id = e.aggregate_id
   where e.aggregate_type = 'task' and e.type = 'task.updated' and t.record_type = ? and t.record_id = ?`;

const WORKFLOW_STEPS = `
  select 'workflow_step', r.id || '#' || s.n, (s.step->>'startedAt')::timestamptz, null::uuid,
         coalesce(w.name, 'Workflow') || ': ' || (s.step->>'stepId') || ' ' || (s.step->>'status'),
         jsonb_build_object('runId', r.id, 'workflowId', r.workflow_id, 'workflowName', w.name,
                            'version', r.version, 'stepId', s.step->>'stepId', 'type', s.step->>'type',
                            'status', s.step->>'status', 'startedAt', s.step->>'startedAt',
                            'finishedAt', s.step->>'finishedAt')
    from workflow_runs r
    cross join lateral jsonb_array_elements(r.steps_run) with ordinality as s(step, n)
    left join workflows w on w.id = r.workflow_id
   where r.record_type = ? and r.record_id = ?`;

export interface TimelineRow {
  kind: string;
  id: string;
  at_key: string;
  actor_id: string | null;
  actor_name: string | null;
  summary: string;
  data: Record<string, unknown>;
}

/** The statement and its bindings for one page after `after` (exclusive), newest first. */
export function timelineQuery(
  record: { type: string; id: string },
  viewerId: string,
  after: { at: string; kind: string; id: string } | undefined,
  limit: number,
): { sql: string; params: unknown[] } {
  const rec = [record.type, record.id];
  const sql = `
    with entries as (
      ${ACTIVITIES}
      union all ${NOTES}
      union all ${TASKS_CREATED}
      union all ${TASKS_COMPLETED}
      union all ${CHANGES}
      union all ${TASK_CHANGES}
      union all ${WORKFLOW_STEPS}
    )
    select e.kind, e.id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
           e.actor_id, u.name as actor_name, e.summary, e.data
      from entries e left join users u on u.id = e.actor_id
     where e.at is not null
       ${after ? 'and (e.at, e.kind, e.id) < (cast(? as timestamptz), cast(? as text), cast(? as text))' : ''}
     order by e.at desc, e.kind desc, e.id desc
     limit ?`;
  const params = [
    ...rec,
    ...rec,
    viewerId,
    viewerId,
    ...rec,
    ...rec,
    ...rec,
    ...rec,
    ...rec,
    ...(after ? [after.at, after.kind, after.id] : []),
    limit,
  ];
  return { sql, params };
}
