import './TasksLoading.css';

export function TasksLoading() {
  return (
    <div className="tasks-loading" aria-busy="true" data-testid="tasks-loading">
      <p className="visually-hidden" role="status">
        Loading your tasks…
      </p>
      {[0, 1, 2].map((index) => (
        <div className="tasks-loading__row" key={index} aria-hidden="true">
          <span className="tasks-loading__bar tasks-loading__bar--title" />
          <span className="tasks-loading__bar tasks-loading__bar--meta" />
        </div>
      ))}
    </div>
  );
}
