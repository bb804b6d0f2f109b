/**
 * Which network addresses briefbot may fetch from: the public internet only. Loopback,
 * private, carrier-grade NAT, link-local (where cloud metadata services live: 169.254.169.254,
 * fd00:ec2::254), unique-local, multicast, documentation and reserved ranges are refused, in
 * IPv4 and IPv6 alike, and an IPv6 address that carries an IPv4 one (IPv4-mapped `::ffff:a.b.c.d`,
 * NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is judged by the IPv4 address inside.
 * Ranges from the IANA special-purpose address registries (RFC 6890 and its updates).
 */
import { BlockList, isIP, isIPv4 } from 'node:net';

const V4_RANGES: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: readonly [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard'],
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const blocks = V4_RANGES.map(([network, prefix, label]) => ({ list: single(network, prefix, 'ipv4'), label }));
const blocks6 = V6_RANGES.map(([network, prefix, label]) => ({ list: single(network, prefix, 'ipv6'), label }));

function single(network: string, prefix: number, type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return list;
}

/**
 * Why `address` may not be fetched from, or null when it is a public address.
 *
 * @example blockedReason('169.254.169.254') === 'link-local (cloud metadata)'
 * @example blockedReason('::ffff:127.0.0.1') === 'loopback'
 * @example blockedReason('93.184.215.14') === null
 */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 4) return blocks.find((b) => b.list.check(bare, 'ipv4'))?.label ?? null;
  if (version !== 6) return 'not an IP address';
  const embedded = embeddedIpv4(bare);
  if (embedded !== null) return blockedReason(embedded);
  return blocks6.find((b) => b.list.check(bare, 'ipv6'))?.label ?? null;
}

/**
 * The IPv4 address an IPv6 address stands for, if it carries one: IPv4-mapped and
 * IPv4-compatible (`::ffff:a.b.c.d`, `::a.b.c.d`), NAT64 (`64:ff9b::/96`) and 6to4 (`2002:AABB:CCDD::`).
 *
 * @example embeddedIpv4('::ffff:7f00:1') === '127.0.0.1'
 */
export function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (bytes === null) return null;
  const v4 = (at: number) => bytes.slice(at, at + 4).join('.');
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12);
  if (zero(0, 12) && !zero(12, 14)) return v4(12); // IPv4-compatible (deprecated) ::a.b.c.d
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return v4(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(2);
  return null;
}

/** The 16 bytes of an IPv6 address in any of its written forms, or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (!isIPv4(dotted[1]!)) return null;
    tail.push(...dotted[1]!.split('.').map(Number));
    // "::ffff:1.2.3.4" → "::ffff" and two bytes' worth of groups fewer to fill; "::1.2.3.4" → "::".
    text = text.slice(0, -dotted[1]!.length);
    if (!text.endsWith('::')) text = text.replace(/:$/, '');
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const wanted = 8 - tail.length / 2;
  const fill = halves.length === 2 ? wanted - head.length - rest.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== wanted)) return null;
  const all = [...head, ...Array<string>(fill).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes.length + tail.length === 16 ? [...bytes, ...tail] : null;
}
