import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

function distribution() {
  if (!existsSync('/etc/os-release')) return undefined;
  return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    ramBytes: os.totalmem(),
    os: `${distribution() ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
    node: process.version,
    loadAverage: os.loadavg(),
  };
}

export const formatLoad = (load) => load.map((l) => l.toFixed(2)).join(' / ');

export function machineLine(machine) {
  const ram = (machine.ramBytes / 1024 ** 3).toFixed(1);
  return `${machine.cpuModel} × ${machine.cpus}, ${ram} GiB RAM, ${machine.os}, Node ${machine.node}`;
}
