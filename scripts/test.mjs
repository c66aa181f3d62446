// `npm test` after the build: runs every Jest project and ends with the one line CI reads,
// `N passed, N failed`. Extra arguments go to Jest (e.g. `npm test -- --selectProjects unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const report = 'test-results/jest.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });

// The integration and end-to-end suites each boot the whole product; on small machines they run
// one at a time.
const jest = spawnSync(
  process.execPath,
  [
    'node_modules/jest/bin/jest.js',
    '--runInBand',
    '--json',
    `--outputFile=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
  skipped = result.numPendingTests + result.numTodoTests;
} else {
  failed = 1;
}
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
