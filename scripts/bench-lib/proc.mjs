// Resident memory of a process and its children from /proc (Linux); undefined elsewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** VmRSS of one process in bytes. */
export function rssOf(pid) {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

/** Every process: pid, parent, process group and command name. */
function processes() {
  if (!existsSync('/proc')) return [];
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const [state, ppid, pgrp] = stat.slice(close + 2).split(' ');
    found.push({
      pid: Number(entry),
      state,
      ppid: Number(ppid),
      pgrp: Number(pgrp),
      comm: stat.slice(stat.indexOf('(') + 1, close),
    });
  }
  return found;
}

/** Every descendant of `pid` with its command name. */
export function descendants(pid) {
  const all = processes();
  const found = [];
  const walk = (parent) => {
    for (const p of all) {
      if (p.ppid !== parent) continue;
      found.push(p);
      walk(p.pid);
    }
  };
  walk(pid);
  return found;
}

/** The live processes of one process group (a zombie is already gone, only not yet reaped). */
export const groupMembers = (pgrp) => processes().filter((p) => p.pgrp === pgrp && p.state !== 'Z');

/** Temporal dev servers running now, by pid, with the database file each was given. */
export function devServers() {
  if (!existsSync('/proc')) return new Map();
  const found = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (read(`/proc/${entry}/cmdline`) ?? '').split('\0');
    if (!args.includes('start-dev')) continue;
    found.set(Number(entry), args[args.indexOf('--db-filename') + 1]);
  }
  return found;
}
