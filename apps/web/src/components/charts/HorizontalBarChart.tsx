import { AxisTitles, clip } from './Axes';
import { ChartFrame, type Margins } from './ChartFrame';
import { linear, niceTicks } from './scale';
import { fillClass, type Tone } from './tones';

export interface Row {
  key: string;
  label: string;
  value: number;
}

const MIN_ROW = 34;
// A short list still fills most of a card; its bars just stay slim.
const MIN_PLOT = 170;
const MAX_BAR = 24;
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
  const rowHeight = Math.max(MIN_ROW, MIN_PLOT / Math.max(1, rows.length));
  const barHeight = Math.min(rowHeight - 14, MAX_BAR);
  const height = MARGINS.top + rows.length * rowHeight + MARGINS.bottom;
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
            {rows.map((item, i) => {
              const top = MARGINS.top + i * rowHeight;
              const middle = top + rowHeight / 2;
              return (
                <g key={item.key}>
                  <text x={MARGINS.left - 10} y={middle} dy="0.32em" textAnchor="end">
                    <title>{item.label}</title>
                    {clip(item.label, LABEL_CHARS)}
                  </text>
                  <rect
                    className={fillClass(tone)}
                    x={x(0)}
                    y={middle - barHeight / 2}
                    width={Math.max(0, x(item.value) - x(0))}
                    height={barHeight}
                    rx={3}
                  />
                  <text className="chart__value" x={x(item.value) + 6} y={middle} dy="0.32em">
                    {item.value}
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
