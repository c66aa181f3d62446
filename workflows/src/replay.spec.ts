import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../dist/replay-histories.js');
const HISTORIES = join(__dirname, '../test/histories');

function replay(dir: string) {
  return spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', timeout: 120_000 });
}

// Histories recorded from real runs (temporal workflow show -o json). If a change to the
// interpreter makes it take a different path through one of them, runs in flight would fail after
// an upgrade; replaying them catches that in CI. Record a new one when adding a control path.
describe('interpreter replay over recorded histories', () => {
  jest.setTimeout(180_000);

  it('replays every recorded history deterministically', () => {
    const result = replay(HISTORIES);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const replayed = result.stdout.trim().split('\n');
    expect(replayed).toEqual(
      readdirSync(HISTORIES)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `replayed ${f}`),
    );
  });

  it('fails on a history the code would not produce', () => {
    // Swap the first scheduled activity for one the interpreter never calls at that point.
    const dir = mkdtempSync(join(tmpdir(), 'baton-replay-'));
    cpSync(HISTORIES, dir, { recursive: true });
    const file = join(dir, 'lead-handoff.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"name": "assign_owner"', '"name": "create_task"'),
    );
    const result = replay(dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Nondeterminism|DeterminismViolation|determinism/i);
  });
});
