import { AxisTitles, clip } from './Axes';
import { ChartFrame, type Margins } from './ChartFrame';
import { linear, niceTicks } from './scale';
import { fillClass, type Tone } from './tones';

export interface Row {
  key: string;
  label: string;
  value: number;
}

const ROW = 34;
const LABEL_CHARS = 18;
const MARGINS: Margins = { top: 8, right: 36, bottom: 50, left: 150 };

/** One bar per row, longest first as given, with the row's name on the left and its value at the end. */
export function HorizontalBarChart({
  rows,
  label,
  xTitle,
  yTitle,
  tone = 'danger',
  testId,
}: {
  rows: Row[];
  label: string;
  xTitle: string;
  yTitle: string;
  tone?: Tone;
  testId?: string;
}) {
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.value)), { integer: true });
  const height = MARGINS.top + rows.length * ROW + MARGINS.bottom;
  const plotBottom = height - MARGINS.bottom;
  return (
    <ChartFrame label={label} height={height} testId={testId}>
      {(width) => {
        const x = linear(ticks.at(-1) ?? 1, MARGINS.left, width - MARGINS.right);
        return (
          <>
            <g className="chart__axis" aria-hidden="true">
              {ticks.map((tick) => (
                <g key={tick}>
                  <line
                    className={tick === 0 ? 'chart__baseline' : 'chart__grid'}
                    x1={x(tick)}
                    x2={x(tick)}
                    y1={MARGINS.top}
                    y2={plotBottom}
                  />
                  <text x={x(tick)} y={plotBottom + 16} textAnchor="middle">
                    {tick}
                  </text>
                </g>
              ))}
            </g>
            {rows.map((row, i) => {
              const top = MARGINS.top + i * ROW;
              const middle = top + ROW / 2;
              return (
                <g key={row.key}>
                  <text x={MARGINS.left - 10} y={middle} dy="0.32em" textAnchor="end">
                    <title>{row.label}</title>
                    {clip(row.label, LABEL_CHARS)}
                  </text>
                  <rect
                    className={fillClass(tone)}
                    x={x(0)}
                    y={top + 7}
                    width={Math.max(0, x(row.value) - x(0))}
                    height={ROW - 14}
                    rx={3}
                  />
                  <text className="chart__value" x={x(row.value) + 6} y={middle} dy="0.32em">
                    {row.value}
                  </text>
                </g>
              );
            })}
            <AxisTitles x={xTitle} y={yTitle} margins={MARGINS} width={width} height={height} />
          </>
        );
      }}
    </ChartFrame>
  );
}
