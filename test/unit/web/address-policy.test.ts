import { describe, expect, it } from 'vitest';
import { blockedReason, embeddedIpv4 } from '../../../src/ingest/web/fetch/address-policy.ts';

describe('which addresses may be fetched from', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'unique local (private)'],
    ['fc12:3456::1', 'unique local (private)'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:a9fe:a9fe]', 'link-local (cloud metadata)'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::c0a8:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['::127.0.0.1', 'loopback'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4009:81f::200e'])(
    'allows the public address %s',
    (address) => {
      expect(blockedReason(address)).toBeNull();
    },
  );

  it('says a host name is not an address rather than allowing it', () => {
    expect(blockedReason('localhost')).toBe('not an IP address');
  });

  it('reads the IPv4 address inside an IPv6 one in any of its written forms', () => {
    expect(embeddedIpv4('0:0:0:0:0:ffff:7f00:0001')).toBe('127.0.0.1');
    expect(embeddedIpv4('::ffff:192.168.1.1')).toBe('192.168.1.1');
    expect(embeddedIpv4('2606:4700::1111')).toBeNull();
  });
});
