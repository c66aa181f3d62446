import { AxisTitles, YAxis } from './Axes';
import { ChartFrame, type Margins } from './ChartFrame';
import { formatCompact, labelEvery, linear, niceTicks } from './scale';
import { fillClass, type Tone } from './tones';

export interface WeekBin {
  key: string;
  /** The x axis label, e.g. the week's first day. */
  label: string;
  /** What the bar's top says, e.g. how many subscriptions. */
  note: string;
  /** Stacked bottom to top; their sum is the bar's height. */
  segments: Array<{ key: string; value: number; tone: Tone; title: string }>;
}

const HEIGHT = 260;
const MARGINS: Margins = { top: 20, right: 12, bottom: 52, left: 64 };

/** Adjacent bars, one per week, stacked by kind; bars touch as a histogram's do. */
export function WeekHistogram({
  bins,
  label,
  xTitle,
  yTitle,
  testId,
}: {
  bins: WeekBin[];
  label: string;
  xTitle: string;
  yTitle: string;
  testId?: string;
}) {
  const totals = bins.map((b) => b.segments.reduce((sum, s) => sum + s.value, 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  return (
    <ChartFrame label={label} height={HEIGHT} testId={testId}>
      {(width) => {
        const y = linear(ticks.at(-1) ?? 1, HEIGHT - MARGINS.bottom, MARGINS.top);
        const slot = (width - MARGINS.left - MARGINS.right) / Math.max(1, bins.length);
        const every = labelEvery(bins.length, width - MARGINS.left - MARGINS.right, 54);
        const base = y(0);
        return (
          <>
            <YAxis ticks={ticks} y={y} margins={MARGINS} width={width} format={formatCompact} />
            {bins.map((bin, i) => {
              const left = MARGINS.left + slot * i + 1;
              const center = left + slot / 2 - 1;
              let stacked = 0;
              return (
                <g key={bin.key}>
                  {bin.segments.map((segment) => {
                    const bottom = y(stacked);
                    stacked += segment.value;
                    return (
                      <rect
                        key={segment.key}
                        className={fillClass(segment.tone)}
                        x={left}
                        y={y(stacked)}
                        width={Math.max(0, slot - 2)}
                        height={Math.max(0, bottom - y(stacked))}
                      >
                        <title>{segment.title}</title>
                      </rect>
                    );
                  })}
                  {stacked > 0 && (
                    <text className="chart__value" x={center} y={y(stacked) - 6} textAnchor="middle">
                      {bin.note}
                    </text>
                  )}
                  {i % every === 0 && (
                    <text x={center} y={base + 18} textAnchor="middle">
                      {bin.label}
                    </text>
                  )}
                </g>
              );
            })}
            <AxisTitles x={xTitle} y={yTitle} margins={MARGINS} width={width} height={HEIGHT} />
          </>
        );
      }}
    </ChartFrame>
  );
}
