import './StatusBadge.css';

export type BadgeTone = 'neutral' | 'accent' | 'warning' | 'success' | 'danger';

export function StatusBadge({ tone, label, testId }: { tone: BadgeTone; label: string; testId?: string }) {
  return (
    <span className={`status-badge status-badge--${tone}`} data-testid={testId} data-tone={tone}>
      {label}
    </span>
  );
}
