import type { ReactNode } from 'react';
import { describeError } from '../../lib/describeError';
import { swatchClass, type Tone } from './tones';
import './Charts.css';

export type ChartState =
  { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'empty'; text: string };

/**
 * A titled panel around one chart, with its headline figures and legend; while the data loads,
 * fails or is empty it says so in place of the chart, at the chart's height.
 */
export function ChartCard({
  id,
  title,
  summary,
  legend,
  state,
  onRetry,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  summary?: ReactNode;
  legend?: Array<{ label: string; tone: Tone; line?: boolean }>;
  /** Anything but undefined is shown instead of the chart. */
  state?: ChartState;
  onRetry?: () => void;
  wide?: boolean;
  children?: ReactNode;
}) {
  return (
    <section
      className={`chart-card${wide ? ' chart-card--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      aria-busy={state?.kind === 'loading'}
      data-testid={`chart-${id}`}
      data-state={state?.kind ?? 'ready'}
    >
      <header className="chart-card__header">
        <h2 className="chart-card__title" id={`${id}-title`}>
          {title}
        </h2>
        {summary && state === undefined && <p className="chart-card__summary">{summary}</p>}
      </header>
      {state === undefined ? (
        <>
          {legend && legend.length > 0 && (
            <ul className="chart-legend" aria-hidden="true">
              {legend.map((item) => (
                <li key={item.label} className="chart-legend__item">
                  <span className={`${swatchClass(item.tone)}${item.line ? ' chart-swatch--line' : ''}`} />
                  {item.label}
                </li>
              ))}
            </ul>
          )}
          {children}
        </>
      ) : (
        <ChartPlaceholder state={state} onRetry={onRetry} />
      )}
    </section>
  );
}

function ChartPlaceholder({ state, onRetry }: { state: ChartState; onRetry?: () => void }) {
  switch (state.kind) {
    case 'loading':
      return (
        <div className="chart-card__state chart-card__state--loading" role="status">
          Loading…
        </div>
      );
    case 'error':
      return (
        <div className="chart-card__state chart-card__state--error" role="alert">
          <p>{describeError(state.error)}</p>
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      );
    case 'empty':
      return (
        <div className="chart-card__state" role="status">
          {state.text}
        </div>
      );
  }
}
