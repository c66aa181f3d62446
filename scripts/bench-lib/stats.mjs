// Small statistics shared by the benchmark scripts.

/** Nearest-rank percentile of an ascending array; undefined when it is empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function median(values) {
  if (values.length === 0) return undefined;
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * Least-squares slope of `points` ({ t: seconds, v: value }) in value per hour; undefined for fewer
 * than two points or no spread in time.
 */
export function slopePerHour(points) {
  if (points.length < 2) return undefined;
  const n = points.length;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanV = points.reduce((s, p) => s + p.v, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - meanT) * (p.v - meanV);
    den += (p.t - meanT) ** 2;
  }
  return den === 0 ? undefined : (num / den) * 3600;
}

export const MB = 1024 * 1024;
export const mb = (bytes) => (bytes === undefined ? '—' : `${(bytes / MB).toFixed(0)} MB`);

/** 1.2 / 12 / 123 / 1,234: precise for small figures, no noise digits for big ones. */
export function num(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(Math.min(digits, 1));
  return value.toFixed(digits);
}

export const ms = (value) => (value === undefined ? '—' : `${num(value)} ms`);
