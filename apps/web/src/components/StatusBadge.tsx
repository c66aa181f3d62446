import './StatusBadge.css';

/** `strong`: a finished, good outcome; `muted`: set aside, no longer in play. */
export type BadgeTone = 'neutral' | 'accent' | 'warning' | 'success' | 'strong' | 'danger' | 'muted';

export function StatusBadge({
  tone,
  label,
  testId,
  status,
}: {
  tone: BadgeTone;
  label: string;
  testId?: string;
  /** The value behind the label, for tests and styling hooks (`data-status`). */
  status?: string;
}) {
  return (
    <span
      className={`status-badge status-badge--${tone}`}
      data-testid={testId}
      data-tone={tone}
      data-status={status}
    >
      {label}
    </span>
  );
}
