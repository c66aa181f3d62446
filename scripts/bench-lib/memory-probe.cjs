// Preloaded into the product by the soak (`node --require …/memory-probe.cjs start.js`): appends the
// process's memory figures as one JSON line to BENCH_MEMORY_FILE every BENCH_MEMORY_EVERY_MS (5 s).
// /api/metrics reports the resident size but not the V8 heap, which tells a leak in our objects
// from native growth.
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.BENCH_MEMORY_FILE;
// Worker threads inherit --require; their figures are not the process's.
if (file && isMainThread) {
  const write = () => {
    try {
      appendFileSync(file, `${JSON.stringify({ at: Date.now(), ...process.memoryUsage() })}\n`);
    } catch {
      // the file's directory is gone: the bench has finished with this process
    }
  };
  write();
  setInterval(write, Number(process.env.BENCH_MEMORY_EVERY_MS ?? 5000)).unref();
}
