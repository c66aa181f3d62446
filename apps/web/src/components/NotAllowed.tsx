import '../pages/WorkflowsPage.css';

/** A page this role may not use; the code matches what the API would answer. */
export function NotAllowed({ what }: { what: string }) {
  return (
    <main className="page">
      <div className="workflows-state workflows-state--error" role="alert" data-testid="not-allowed">
        <p className="workflows-state__title">{what}</p>
        <p className="workflows-state__detail">You are not allowed to do that (FORBIDDEN)</p>
      </div>
    </main>
  );
}
