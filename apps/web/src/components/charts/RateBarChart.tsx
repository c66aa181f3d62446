import { AxisTitles, YAxis, clip } from './Axes';
import { ChartFrame, type Margins } from './ChartFrame';
import { linear, niceTicks } from './scale';
import { fillClass, type Tone } from './tones';

export interface RateBar {
  key: string;
  label: string;
  /** Stacked bottom to top; their sum is the bar's height. */
  segments: Array<{ key: string; value: number; tone: Tone }>;
  /** 0–1, drawn as a marker against the right-hand axis; null draws none. */
  rate: number | null;
  /** A second line under the label, e.g. "12 runs". */
  note: string;
}

const HEIGHT = 270;
const MARGINS: Margins = { top: 16, right: 56, bottom: 66, left: 56 };
const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/** Stacked bars per category with a rate (e.g. failures) marked on a 0–100 % axis on the right. */
export function RateBarChart({
  bars,
  label,
  xTitle,
  yTitle,
  rateTitle,
  testId,
}: {
  bars: RateBar[];
  label: string;
  xTitle: string;
  yTitle: string;
  rateTitle: string;
  testId?: string;
}) {
  const totals = bars.map((b) => b.segments.reduce((sum, s) => sum + s.value, 0));
  const ticks = niceTicks(Math.max(0, ...totals), { integer: true });
  return (
    <ChartFrame label={label} height={HEIGHT} testId={testId}>
      {(width) => {
        const y = linear(ticks.at(-1) ?? 1, HEIGHT - MARGINS.bottom, MARGINS.top);
        const rateY = linear(1, HEIGHT - MARGINS.bottom, MARGINS.top);
        const slot = (width - MARGINS.left - MARGINS.right) / Math.max(1, bars.length);
        const barWidth = Math.min(slot * 0.56, 64);
        const base = y(0);
        return (
          <>
            <YAxis ticks={ticks} y={y} margins={MARGINS} width={width} format={String} />
            <YAxis
              ticks={RATE_TICKS}
              y={rateY}
              margins={MARGINS}
              width={width}
              format={percent}
              side="right"
            />
            {bars.map((bar, i) => {
              const center = MARGINS.left + slot * (i + 0.5);
              let stacked = 0;
              return (
                <g key={bar.key}>
                  {bar.segments.map((segment) => {
                    const bottom = y(stacked);
                    stacked += segment.value;
                    return (
                      <rect
                        key={segment.key}
                        className={fillClass(segment.tone)}
                        x={center - barWidth / 2}
                        y={y(stacked)}
                        width={barWidth}
                        height={Math.max(0, bottom - y(stacked))}
                      />
                    );
                  })}
                  <text x={center} y={base + 18} textAnchor="middle">
                    <title>{bar.label}</title>
                    {clip(bar.label, Math.max(4, Math.floor(slot / 7.5)))}
                  </text>
                  <text className="chart__note" x={center} y={base + 34} textAnchor="middle">
                    {bar.note}
                  </text>
                  {bar.rate !== null && (
                    <g className="chart-rate">
                      <line
                        className="chart-rate__mark"
                        x1={center - barWidth / 2 - 4}
                        x2={center + barWidth / 2 + 4}
                        y1={rateY(bar.rate)}
                        y2={rateY(bar.rate)}
                      />
                      <circle className="chart-rate__dot" cx={center} cy={rateY(bar.rate)} r={4} />
                      <text
                        className="chart-rate__label"
                        x={center}
                        y={rateY(bar.rate)}
                        dy={bar.rate > 0.85 ? '1.35em' : '-0.7em'}
                        textAnchor="middle"
                      >
                        {percent(bar.rate)}
                      </text>
                    </g>
                  )}
                </g>
              );
            })}
            <AxisTitles
              x={xTitle}
              y={yTitle}
              yRight={rateTitle}
              margins={MARGINS}
              width={width}
              height={HEIGHT}
            />
          </>
        );
      }}
    </ChartFrame>
  );
}
