// `npm run bench:start`: how long `npm start` takes to a healthy product, without the build: the
// built product is spawned (embedded PostgreSQL, headless Temporal dev server, API, worker, web app)
// on free ports and timed until GET /api/health answers 200.
//   cold: a new, empty data directory — initdb, Temporal's database, migrations and demo data;
//   warm: a second start on the same directory, as after Ctrl-C.
// BENCH_START_ROUNDS (3; 1 with BENCH_QUICK=1) rounds of cold + warm, each in a new directory;
// the figures are medians. BENCH_VERBOSE=1 shows the product's output.
import { QUICK, writeResult } from './bench-lib/result.mjs';
import { median } from './bench-lib/stats.mjs';
import { newDataDir, removeDataDir, startProduct } from './bench-lib/product.mjs';

const ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? (QUICK ? 1 : 3));

/** One cold and one warm start in a fresh directory; a port race restarts the round, not just the start. */
async function round() {
  for (let attempt = 1; ; attempt++) {
    const dataDir = newDataDir();
    try {
      const cold = await startProduct({ dataDir, attempts: 1 });
      await cold.stop();
      const warm = await startProduct({ dataDir, attempts: 1 });
      await warm.stop();
      return { coldMs: cold.ms, warmMs: warm.ms };
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE|address already in use/.test(String(err?.message))) throw err;
    } finally {
      removeDataDir(dataDir);
    }
  }
}

const rounds = [];
for (let i = 0; i < ROUNDS; i++) {
  const r = await round();
  rounds.push(r);
  console.log(
    `round ${i + 1}: cold ${(r.coldMs / 1000).toFixed(1)} s, warm ${(r.warmMs / 1000).toFixed(1)} s to a healthy /api/health`,
  );
}
const coldMs = median(rounds.map((r) => r.coldMs));
const warmMs = median(rounds.map((r) => r.warmMs));
console.log(
  `start-up to healthy (median of ${ROUNDS}): cold ${(coldMs / 1000).toFixed(1)} s (new data dir), warm ${(warmMs / 1000).toFixed(1)} s (same dir)`,
);
writeResult({ rounds: ROUNDS, coldMs, warmMs, samples: rounds });
