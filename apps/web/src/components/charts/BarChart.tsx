import { AxisTitles, YAxis } from './Axes';
import { ChartFrame, type Margins } from './ChartFrame';
import { linear, niceTicks } from './scale';
import { fillClass, type Tone } from './tones';

export interface Bar {
  key: string;
  label: string;
  value: number;
  tone: Tone;
  /** Drawn apart from the bars before it, past a dashed line (e.g. leads that dropped out). */
  apart?: boolean;
}

const HEIGHT = 250;
const MARGINS: Margins = { top: 22, right: 12, bottom: 52, left: 56 };

/** Where each bar's centre goes, and the dividers before bars drawn apart. */
function layout(bars: Bar[], width: number) {
  const gaps = bars.filter((b) => b.apart).length;
  const slot = (width - MARGINS.left - MARGINS.right) / (bars.length + gaps * 0.5);
  const centers: number[] = [];
  const dividers: number[] = [];
  let x = MARGINS.left;
  for (const bar of bars) {
    if (bar.apart) {
      dividers.push(x + slot * 0.25);
      x += slot * 0.5;
    }
    centers.push(x + slot / 2);
    x += slot;
  }
  return { centers, dividers, barWidth: Math.min(slot * 0.62, 72) };
}

/** Vertical bars with their value on top: a funnel's stages, or any few categories. */
export function BarChart({
  bars,
  label,
  xTitle,
  yTitle,
  testId,
}: {
  bars: Bar[];
  label: string;
  xTitle: string;
  yTitle: string;
  testId?: string;
}) {
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.value)), { integer: true });
  return (
    <ChartFrame label={label} height={HEIGHT} testId={testId}>
      {(width) => {
        const y = linear(ticks.at(-1) ?? 1, HEIGHT - MARGINS.bottom, MARGINS.top);
        const { centers, dividers, barWidth } = layout(bars, width);
        const base = y(0);
        return (
          <>
            <YAxis ticks={ticks} y={y} margins={MARGINS} width={width} format={String} />
            {dividers.map((x) => (
              <line key={x} className="chart__divider" x1={x} x2={x} y1={MARGINS.top - 8} y2={base} />
            ))}
            {bars.map((bar, i) => {
              const center = centers[i] ?? 0;
              const top = y(bar.value);
              return (
                <g key={bar.key}>
                  <rect
                    className={fillClass(bar.tone)}
                    x={center - barWidth / 2}
                    y={top}
                    width={barWidth}
                    height={Math.max(0, base - top)}
                    rx={3}
                  />
                  <text className="chart__value" x={center} y={top - 6} textAnchor="middle">
                    {bar.value}
                  </text>
                  <text x={center} y={base + 18} textAnchor="middle">
                    {bar.label}
                  </text>
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
