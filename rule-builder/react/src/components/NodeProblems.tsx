import type { Problem } from '../model/diagnostics';

/** The first problem of a node, with the count of the others, shown on the node itself. */
export function NodeProblems({ problems }: { problems: readonly Problem[] }) {
  const first = problems[0];
  if (first === undefined) return null;
  const more = problems.length - 1;
  return (
    <p className={`rb-node__problem rb-node__problem--${first.severity}`} data-testid="node-problem">
      <code>{first.code}</code> {first.message}
      {more > 0 && <span className="rb-node__more"> (+{more} more)</span>}
    </p>
  );
}
