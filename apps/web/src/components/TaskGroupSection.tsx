import type { DirectoryUser } from '../api/users';
import type { TaskGroup } from '../lib/due';
import { TaskRow, type TaskRowActions } from './TaskRow';
import './TaskGroupSection.css';

interface TaskGroupSectionProps {
  group: TaskGroup;
  now: Date;
  currentUserId: string;
  colleagues: DirectoryUser[] | null;
  actions: TaskRowActions;
}

export function TaskGroupSection({ group, now, currentUserId, colleagues, actions }: TaskGroupSectionProps) {
  const headingId = `task-group-${group.key}`;
  return (
    <section
      className={`task-group task-group--${group.key}`}
      aria-labelledby={headingId}
      data-testid="task-group"
      data-group={group.key}
    >
      <h2 className="task-group__title" id={headingId}>
        {group.label}
        <span className="task-group__count">{group.tasks.length}</span>
      </h2>
      <ul className="task-group__list">
        {group.tasks.map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            now={now}
            overdue={group.key === 'overdue'}
            currentUserId={currentUserId}
            colleagues={colleagues}
            actions={actions}
          />
        ))}
      </ul>
    </section>
  );
}
