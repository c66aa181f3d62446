import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTemporalCli } from '@baton/runtime';
import type { Product } from './product';

const HISTORIES = join(__dirname, '../../workflows/test/histories');

/**
 * With BATON_RECORD_HISTORIES=1, saves a finished run's Temporal history under `name` in
 * workflows/test/histories, where the replay test checks every later change of the interpreter
 * against it. Without it, does nothing: recording is a deliberate act when workflow code changes.
 */
export async function recordHistory(product: Product, runId: string, name: string): Promise<void> {
  if (process.env.BATON_RECORD_HISTORIES !== '1') return;
  const cli = await ensureTemporalCli((message) => console.log(message));
  const json = execFileSync(
    cli,
    [
      'workflow',
      'show',
      '-w',
      runId,
      '-o',
      'json',
      '--address',
      product.temporalAddress,
      '--namespace',
      'baton',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(join(HISTORIES, `${name}.json`), json);
}
