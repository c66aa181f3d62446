// The soak's memory chart as a self-contained SVG (no chart library: nothing new to install).
import { MB } from './stats.mjs';

const WIDTH = 1000;
const HEIGHT = 540;
const PAD = { left: 70, right: 24, top: 84, bottom: 96 };

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A round step that gives about `count` grid lines up to `max`. */
function niceStep(max, count) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/**
 * Lines of memory over time. `subtitle`: a line or an array of lines; `series`: [{ name, color, points: [{ t: seconds, v: bytes }] }];
 * `marker`: seconds at which a dashed line is drawn with `markerLabel`.
 */
export function memoryChartSvg({ title, subtitle, series, marker, markerLabel }) {
  const all = series.flatMap((s) => s.points);
  const maxT = Math.max(60, ...all.map((p) => p.t));
  const maxMb = Math.max(1, ...all.map((p) => p.v / MB));
  const yStep = niceStep(maxMb * 1.1, 6);
  const yMax = Math.ceil((maxMb * 1.1) / yStep) * yStep;
  const minutes = maxT / 60;
  const xStep = niceStep(minutes, 10);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + (t / maxT) * plotW;
  const y = (bytes) => PAD.top + plotH - (bytes / MB / yMax) * plotH;
  const parts = [];
  for (let v = 0; v <= yMax + 1e-9; v += yStep) {
    const py = PAD.top + plotH - (v / yMax) * plotH;
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${py}" y2="${py}" stroke="#e5e7eb"/>`,
      `<text x="${PAD.left - 8}" y="${py + 4}" text-anchor="end">${Number(v.toFixed(1))}</text>`,
    );
  }
  for (let m = 0; m <= minutes + 1e-9; m += xStep) {
    const px = x(m * 60);
    parts.push(
      `<line x1="${px}" x2="${px}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#f1f5f9"/>`,
      `<text x="${px}" y="${PAD.top + plotH + 18}" text-anchor="middle">${Number(m.toFixed(2))}</text>`,
    );
  }
  if (marker !== undefined) {
    const px = x(marker);
    parts.push(
      `<line x1="${px}" x2="${px}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#64748b" stroke-dasharray="6 4"/>`,
      `<text x="${px + 6}" y="${PAD.top + 14}" fill="#475569">${escape(markerLabel ?? '')}</text>`,
    );
  }
  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
  }
  series.forEach((s, i) => {
    const lx = PAD.left + i * 300;
    const ly = HEIGHT - 24;
    parts.push(
      `<rect x="${lx}" y="${ly - 10}" width="18" height="4" fill="${s.color}"/>`,
      `<text x="${lx + 26}" y="${ly - 4}">${escape(s.name)}</text>`,
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12" fill="#111827">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD.left}" y="28" font-size="17" font-weight="bold">${escape(title)}</text>`,
    ...[subtitle ?? []]
      .flat()
      .map((line, i) => `<text x="${PAD.left}" y="${50 + i * 17}" fill="#4b5563">${escape(line)}</text>`),
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#9ca3af"/>`,
    `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="#9ca3af"/>`,
    ...parts,
    `<text x="${PAD.left + plotW / 2}" y="${PAD.top + plotH + 40}" text-anchor="middle" fill="#4b5563">minutes of load</text>`,
    `<text transform="translate(18 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#4b5563">MB</text>`,
    '</svg>',
  ].join('\n');
}
