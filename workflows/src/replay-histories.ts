// Replays every recorded history in a folder against the current interpreter code and exits
// non-zero on the first non-determinism. Run as a plain Node process: the SDK's protobuf classes
// do not survive Jest's module sandbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Runtime, DefaultLogger, Worker } from '@temporalio/worker';

async function main(dir: string): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const history: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('./workflows') }, history, file);
    console.log(`replayed ${file}`);
  }
}

main(resolve(process.argv[2] ?? join(__dirname, '../test/histories'))).catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
