// `npm run bench:import`: a CSV import of BENCH_IMPORT_ROWS leads (100,000; 20,000 with
// BENCH_QUICK=1) through the product's own import API (POST /api/imports?entity=leads, text/csv),
// which answers once the whole file is stored. Measured: wall time from the first byte sent to that
// answer, and rows/s. The built product runs on free ports in a temporary directory.
// By default the lead workflows are archived first, so the figure is the import's own cost: each
// row is still validated and stored with its lead.created outbox event, and the dispatcher still
// reads those events, but 100,000 handoff runs (hours of work on a small machine) do not compete
// with it. BENCH_IMPORT_WORKFLOWS=1 keeps them published.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { expectStatus, login } from './bench-lib/http.mjs';
import { newDataDir, removeDataDir, startProduct } from './bench-lib/product.mjs';
import { QUICK, writeResult } from './bench-lib/result.mjs';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? (QUICK ? 20_000 : 100_000));
const WITH_WORKFLOWS = process.env.BENCH_IMPORT_WORKFLOWS === '1';
const COMPANY = `Import Bench ${randomUUID().slice(0, 8)}`;
const SOURCES = ['web', 'referral', 'event', 'partner', 'cold_call', 'other'];
const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'];

function csv(rows) {
  const lines = ['name,email,company,source,score,region'];
  for (let i = 1; i <= rows; i++) {
    // Every tenth name is quoted with a comma in it, as spreadsheets export "Last, First".
    const name = i % 10 === 0 ? `"Lead ${i}, Imported"` : `Imported lead ${i}`;
    lines.push(
      `${name},lead${i}@import-bench.example,${COMPANY},${SOURCES[i % 6]},${i % 101},${REGIONS[i % 4]}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const dataDir = newDataDir();
let product;
let db;
try {
  product = await startProduct({ dataDir });
  const admin = await login(product.base, 'admin@demo.baton');
  const manager = await login(product.base, 'manager@demo.baton');
  const archived = [];
  if (!WITH_WORKFLOWS) {
    const { items } = await expectStatus(admin.get('/api/workflows'), 200, 'list workflows');
    for (const w of items.filter((w) => w.entity === 'lead' && !w.archived)) {
      await expectStatus(admin.post(`/api/workflows/${w.id}/archive`), 200, `archive ${w.key}`);
      archived.push(w.key);
    }
  }
  const body = csv(ROWS);
  console.log(
    `importing ${ROWS.toLocaleString('en-US')} leads (${(body.length / 1024 / 1024).toFixed(1)} MB of CSV)` +
      (WITH_WORKFLOWS
        ? ' with the lead workflows published'
        : `; lead workflows archived: ${archived.join(', ') || 'none'}`),
  );
  const id = randomUUID();
  const t0 = performance.now();
  const res = await fetch(`${product.base}/api/imports?entity=leads&id=${id}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'text/csv' },
    body: new Uint8Array(body),
  });
  const view = await res.json();
  const wallMs = performance.now() - t0;
  if (res.status !== 201 || view.status !== 'completed')
    throw new Error(`import answered ${res.status} ${JSON.stringify(view).slice(0, 300)}`);
  if (view.succeeded !== ROWS || view.failed !== 0)
    throw new Error(
      `import stored ${view.succeeded} rows and refused ${view.failed}, expected ${ROWS} and 0`,
    );
  // What the import reports is checked against what is in the database.
  db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  const {
    rows: [{ leads, events }],
  } = await db.query(
    `select (select count(*) from leads where company = $1)::int as leads,
            (select count(*) from outbox_events e join leads l on l.id = e.aggregate_id
              where l.company = $1 and e.type = 'lead.created')::int as events`,
    [COMPANY],
  );
  if (leads !== ROWS || events !== ROWS)
    throw new Error(
      `the database holds ${leads} imported leads and ${events} lead.created events, expected ${ROWS}`,
    );
  const rowsPerSecond = ROWS / (wallMs / 1000);
  console.log(
    `import of ${ROWS.toLocaleString('en-US')} leads done in ${(wallMs / 1000).toFixed(1)} s: ${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s (the import's own figure: ${view.rowsPerSecond} rows/s); ${leads} leads and ${events} lead.created events stored`,
  );
  writeResult({
    rows: ROWS,
    bytes: body.length,
    wallMs,
    rowsPerSecond,
    reportedRowsPerSecond: view.rowsPerSecond,
    workflows: WITH_WORKFLOWS ? 'published' : 'archived',
  });
} finally {
  await db?.end().catch(() => {});
  await product?.stop();
  removeDataDir(dataDir);
}
