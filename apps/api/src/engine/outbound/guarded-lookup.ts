import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { forbiddenAddress, forbiddenTargetError } from '@baton/activity-sdk';

/** How names are resolved: `dns.lookup` with `all: true`, or a stand-in in tests. */
export type Resolve = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolve: Resolve = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A `lookup` for sockets that refuses names resolving to a forbidden address. The check happens on
 * the very addresses the socket then connects to, so a name cannot pass a first lookup with a
 * public address and connect to a private one on the next (DNS rebinding). A name with any
 * forbidden address is refused, whichever address would have been tried first.
 */
export function guardedLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      const done = callback as (err: Error | null, address?: unknown, family?: number) => void;
      if (err) return done(err);
      for (const { address } of addresses) {
        const why = forbiddenAddress(address);
        if (why) return done(forbiddenTargetError(hostname, why));
      }
      const [first] = addresses;
      if (!first) return done(new Error(`${hostname} has no address`));
      // Sockets that try several addresses (autoSelectFamily) ask for all of them.
      return options.all ? done(null, addresses) : done(null, first.address, first.family);
    });
  };
}
