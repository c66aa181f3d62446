// Markdown tables laid out the way Prettier lays them out, so `npm run format` leaves the generated
// docs section alone.

const width = (s) => [...s].length;

export function markdownTable(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c ?? '').replaceAll('|', '\\|')));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => width(r[i]))));
  const line = (r) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |`;
  return [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/** ✔ met, ✘ missed (or the benchmark failed), blank where no goal is set. */
export const mark = (ok) => (ok === true ? '✔' : ok === false ? '✘' : '');
