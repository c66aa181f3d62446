/** The chart palette, named by meaning; Charts.css maps each to a colour of the app's look. */
export type Tone = 'accent' | 'accent-soft' | 'success' | 'warning' | 'danger' | 'muted';

export function fillClass(tone: Tone): string {
  return `chart-fill--${tone}`;
}

export function swatchClass(tone: Tone): string {
  return `chart-swatch chart-swatch--${tone}`;
}
