import './TasksState.css';

export function TasksEmpty() {
  return (
    <div className="tasks-state tasks-state--empty" data-testid="tasks-empty">
      <span className="tasks-state__icon" aria-hidden="true" />
      <p className="tasks-state__title">Nothing to do — new tasks appear here when a workflow assigns them</p>
      <p className="tasks-state__detail">This list refreshes on its own every few seconds.</p>
    </div>
  );
}
