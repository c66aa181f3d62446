import type { Margins } from './ChartFrame';

/** Horizontal grid lines with their values on the left (or right) edge of the plot. */
export function YAxis({
  ticks,
  y,
  margins,
  width,
  format,
  side = 'left',
}: {
  ticks: number[];
  y: (value: number) => number;
  margins: Margins;
  width: number;
  format: (value: number) => string;
  side?: 'left' | 'right';
}) {
  const x = side === 'left' ? margins.left - 8 : width - margins.right + 8;
  return (
    <g className={`chart__axis chart__axis--${side}`} aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          {side === 'left' && (
            <line
              className={tick === 0 ? 'chart__baseline' : 'chart__grid'}
              x1={margins.left}
              x2={width - margins.right}
              y1={y(tick)}
              y2={y(tick)}
            />
          )}
          <text x={x} y={y(tick)} dy="0.32em" textAnchor={side === 'left' ? 'end' : 'start'}>
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The names of the axes: below the plot for x, turned along the edge for y. */
export function AxisTitles({
  x,
  y,
  yRight,
  margins,
  width,
  height,
}: {
  x: string;
  y: string;
  yRight?: string;
  margins: Margins;
  width: number;
  height: number;
}) {
  const middleY = margins.top + (height - margins.top - margins.bottom) / 2;
  return (
    <g className="chart__axis-title" aria-hidden="true">
      <text x={margins.left + (width - margins.left - margins.right) / 2} y={height - 6} textAnchor="middle">
        {x}
      </text>
      <text transform={`translate(12 ${middleY}) rotate(-90)`} textAnchor="middle">
        {y}
      </text>
      {yRight && (
        <text transform={`translate(${width - 10} ${middleY}) rotate(90)`} textAnchor="middle">
          {yRight}
        </text>
      )}
    </g>
  );
}

/** A label cut to `max` characters, the whole text kept for the tooltip. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
