import type { ReactNode } from 'react';
import { useElementWidth } from './useElementWidth';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * An SVG drawn at the width it is shown at (so labels keep their size), announced as one image
 * whose `label` says what the chart shows in words and numbers.
 */
export function ChartFrame({
  label,
  height,
  testId,
  children,
}: {
  label: string;
  height: number;
  testId?: string;
  children: (width: number) => ReactNode;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(480);
  return (
    <div ref={ref} className="chart-frame">
      <svg
        className="chart"
        role="img"
        aria-label={label}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        data-testid={testId}
      >
        {children(width)}
      </svg>
    </div>
  );
}
