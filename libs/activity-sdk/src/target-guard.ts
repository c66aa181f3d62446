import { BlockList, isIP } from 'node:net';
import { BatonError } from '@baton/domain';

// Addresses a step must not reach from inside the host's network: a webhook URL is written by a
// workflow author, and without this it could read the cloud metadata service or internal admin
// ports (server-side request forgery). IPv4-mapped IPv6 addresses match the IPv4 ranges.
const RANGES: ReadonlyArray<[network: string, prefix: number, family: 'ipv4' | 'ipv6', what: string]> = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address (where cloud metadata services live)'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a reserved address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['fc00::', 7, 'ipv6', 'a private address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const LISTS = RANGES.map(([network, prefix, family, what]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, what };
});

/** Why an IP address is off limits to steps ("a loopback address"), or null when it is public. */
export function forbiddenAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(({ list }) => list.check(address, type))?.what ?? null;
}

/**
 * Why a URL's host is off limits before any DNS lookup — an IP literal in a forbidden range, or a
 * `localhost` name — or null. Hosts given as names must still be checked once resolved.
 */
export function forbiddenHostname(hostname: string): string | null {
  const host = hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback address';
  return forbiddenAddress(host);
}

/** The error a host throws for a forbidden target: the same code and wording from the fake and the real port. */
export function forbiddenTargetError(host: string, why: string): BatonError {
  return new BatonError(
    'HTTP_TARGET_FORBIDDEN',
    `Steps may not call ${host}: it is ${why}. Only public addresses can be called.`,
    { host, reason: why },
  );
}
