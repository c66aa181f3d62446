import { AxisTitles, YAxis } from './Axes';
import { ChartFrame, type Margins } from './ChartFrame';
import { labelEvery, linear, niceTicks } from './scale';
import type { Tone } from './tones';

export interface Series {
  key: string;
  label: string;
  values: number[];
  tone: Tone;
  /** Shade the area under the line (the main series); the others are dashed lines. */
  area?: boolean;
}

const HEIGHT = 250;
const MARGINS: Margins = { top: 14, right: 16, bottom: 52, left: 56 };

/** Counts over consecutive days: one line per series, the main one with its area shaded. */
export function LineChart({
  points,
  series,
  label,
  xTitle,
  yTitle,
  testId,
}: {
  /** The x axis labels, one per value, oldest first. */
  points: string[];
  series: Series[];
  label: string;
  xTitle: string;
  yTitle: string;
  testId?: string;
}) {
  const ticks = niceTicks(Math.max(0, ...series.flatMap((s) => s.values)), { integer: true });
  return (
    <ChartFrame label={label} height={HEIGHT} testId={testId}>
      {(width) => {
        const y = linear(ticks.at(-1) ?? 1, HEIGHT - MARGINS.bottom, MARGINS.top);
        const x = linear(Math.max(1, points.length - 1), MARGINS.left + 6, width - MARGINS.right - 6);
        const every = labelEvery(points.length, width - MARGINS.left - MARGINS.right, 56);
        const base = y(0);
        return (
          <>
            <YAxis ticks={ticks} y={y} margins={MARGINS} width={width} format={String} />
            <g className="chart__axis" aria-hidden="true">
              {points.map((point, i) =>
                (points.length - 1 - i) % every === 0 ? (
                  <g key={point}>
                    <line className="chart__tick-mark" x1={x(i)} x2={x(i)} y1={base} y2={base + 4} />
                    <text x={x(i)} y={base + 18} textAnchor="middle">
                      {point}
                    </text>
                  </g>
                ) : null,
              )}
            </g>
            {series.map((s) => {
              const line = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(v)}`).join(' ');
              return (
                <g
                  key={s.key}
                  className={`chart-line chart-line--${s.tone}${s.area ? '' : ' chart-line--dashed'}`}
                >
                  {s.area && (
                    <path
                      className="chart-line__area"
                      d={`${line} L${x(s.values.length - 1)},${base} L${x(0)},${base} Z`}
                    />
                  )}
                  <path className="chart-line__stroke" d={line} />
                  {s.values.map((v, i) =>
                    v > 0 ? (
                      <circle key={points[i]} className="chart-line__dot" cx={x(i)} cy={y(v)} r={3} />
                    ) : null,
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
