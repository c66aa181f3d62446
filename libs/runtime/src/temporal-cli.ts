import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Log } from './log';

/** The last CLI tag `go install` accepts; it embeds Temporal server 1.29.1. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

/** Where a CLI built by Baton is kept, shared by every checkout on this machine. */
export function temporalCacheDir(): string {
  const base =
    process.env.BATON_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'baton');
  return join(base, 'temporal-cli', TEMPORAL_CLI_VERSION);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Finds a Temporal CLI without building one: PATH, then TEMPORAL_CLI_PATH, then Baton's cache. */
export function findTemporalCli(): string | undefined {
  const candidates = [
    onPath('temporal'),
    process.env.TEMPORAL_CLI_PATH,
    join(temporalCacheDir(), 'temporal'),
  ];
  return candidates.find((c): c is string => c !== undefined && c !== '' && isExecutable(c));
}

export class TemporalCliUnavailableError extends Error {
  override readonly name = 'TemporalCliUnavailableError';
}

/**
 * Returns a usable `temporal` binary, building it once with `go install` into the cache when
 * none is found. The build takes minutes on a cold Go module cache, so its progress is shown.
 */
export async function ensureTemporalCli(log: Log): Promise<string> {
  const found = findTemporalCli();
  if (found) return found;

  const go = onPath('go');
  if (!go) {
    throw new TemporalCliUnavailableError(
      [
        'No Temporal CLI found and Go is not installed to build one.',
        'Do one of:',
        '  - install the Temporal CLI and put `temporal` on PATH (or set TEMPORAL_CLI_PATH to it);',
        `  - install Go 1.25+ so Baton can run: go install ${MODULE}@${TEMPORAL_CLI_VERSION};`,
        '  - set TEMPORAL_ADDRESS to an existing Temporal cluster (host:port).',
      ].join('\n'),
    );
  }
  const goVersion = spawnSync(go, ['version'], { encoding: 'utf8' }).stdout.trim();
  const dir = temporalCacheDir();
  mkdirSync(dir, { recursive: true });
  log(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${goVersion} into ${dir}`);
  log('this happens once per machine and takes a few minutes on a cold Go module cache…');

  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['install', '-x', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: dir, GOFLAGS: `${process.env.GOFLAGS ?? ''} -buildvcs=false`.trim() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let tail = '';
    let downloads = 0;
    let compiles = 0;
    const ticker = setInterval(() => {
      log(
        `  … ${Math.round((Date.now() - started) / 1000)}s: ${downloads} modules downloaded, ${compiles} packages compiled`,
      );
    }, 15_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      downloads += chunk.match(/^go: downloading /gm)?.length ?? 0;
      compiles += chunk.match(/\/compile /g)?.length ?? 0;
      tail = (tail + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else
        reject(
          new TemporalCliUnavailableError(
            `go install failed (exit ${code}):\n${tail
              .split('\n')
              .filter((l) => !l.startsWith('mkdir') && !l.startsWith('cd '))
              .slice(-15)
              .join('\n')}`,
          ),
        );
    });
  });

  const built = join(dir, 'temporal');
  if (!existsSync(built))
    throw new TemporalCliUnavailableError(`go install finished but ${built} is missing`);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)}s: ${built}`);
  return built;
}
