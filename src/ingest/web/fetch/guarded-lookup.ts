/**
 * DNS resolution that refuses private addresses, handed to Node's HTTP client as its `lookup`:
 * the socket then connects to exactly the addresses that were checked, so a name cannot
 * resolve to a public address for the check and a private one for the connection (DNS
 * rebinding). Every address a name resolves to must be public, not just the first.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Host name → addresses. The system resolver by default; tests name their own hosts. */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));

/** A host that resolves to an address briefbot may not fetch from. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'EREFUSEDADDRESS';
}

/** Why an address may not be fetched from, or null when it may (address-policy.ts's `blockedReason`). */
export type AddressPolicy = (address: string) => string | null;

/**
 * A `lookup` for `http.request` that resolves with `resolver` and fails with
 * `RefusedAddressError` when `policy` refuses any of the addresses.
 *
 * @example http.get({ host: 'intranet.example', lookup: guardedLookup(systemResolver, blockedReason) }) → error "intranet.example resolves to 10.0.0.5 (private), …"
 */
export function guardedLookup(resolver: Resolver, policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (found) => {
        const addresses = found.filter((entry) => !options.family || entry.family === options.family);
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
          return;
        }
        for (const entry of addresses) {
          const reason = policy(entry.address);
          if (reason !== null) {
            callback(new RefusedAddressError(`${hostname} resolves to ${entry.address} (${reason}), which briefbot does not fetch from`), '', 4);
            return;
          }
        }
        if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [...addresses]);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}
