import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT = resolve(__dirname, '../../../test-results/proof');

/**
 * Prints a suite's figures and keeps them in test-results/proof/<suite>.md, from where a run's
 * numbers are copied into docs/proof.md.
 */
export function reportFigures(suite: string, markdown: string): void {
  const text = `# ${suite} — ${new Date().toISOString()}\n\n${markdown}\n`;
  console.log(text);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${suite}.md`), text);
}
