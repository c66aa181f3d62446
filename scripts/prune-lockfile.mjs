// The package mirror this project is developed against serves only the linux-x64 builds of
// platform-specific optional packages, so `npm install` leaves the other platforms' names in
// package-lock.json without entries, and `npm ci` then refuses the lock. Dropping those dangling
// optional edges keeps `npm ci` working; run after any `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages));
let pruned = 0;

for (const [path, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (!present.has(nested) && !present.has(`node_modules/${name}`)) {
      delete entry.optionalDependencies[name];
      pruned += 1;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}

writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`prune-lockfile: removed ${pruned} optional dependencies the registry does not serve`);
