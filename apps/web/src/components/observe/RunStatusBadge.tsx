import type { RunStatus } from '../../api/runs';
import { StatusBadge, type BadgeTone } from '../StatusBadge';

const LOOKS: Readonly<Record<RunStatus, { tone: BadgeTone; label: string }>> = {
  running: { tone: 'accent', label: 'Running' },
  completed: { tone: 'success', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
  cancelled: { tone: 'neutral', label: 'Cancelled' },
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const look = LOOKS[status];
  return <StatusBadge tone={look.tone} label={look.label} testId="run-status" />;
}
