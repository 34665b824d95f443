import { describe, expect, it } from 'vitest';
import { addressLimitSubject, pickClientAddress } from './client-address.ts';

const NONE = { hops: 0 };
const PROXY_RANGES = {
  ranges: [
    { network: '10.0.0.0', prefix: 8, family: 'ipv4' as const },
    { network: 'fd00::', prefix: 8, family: 'ipv6' as const },
  ],
};

describe('pickClientAddress', () => {
  it('uses the connection and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(pickClientAddress('203.0.113.9', '10.9.1.7', NONE)).toBe('203.0.113.9');
    expect(pickClientAddress('::ffff:203.0.113.9', null, NONE)).toBe('203.0.113.9');
  });

  it('believes the N nearest hops for a hop count', () => {
    expect(pickClientAddress('10.0.0.2', '198.51.100.4', { hops: 1 })).toBe('198.51.100.4');
    // A client-written entry left of the proxy's is not believed.
    expect(pickClientAddress('10.0.0.2', '1.2.3.4, 198.51.100.4', { hops: 1 })).toBe('198.51.100.4');
    expect(pickClientAddress('10.0.0.2', '1.2.3.4, 198.51.100.4, 10.0.0.3', { hops: 2 })).toBe('198.51.100.4');
    // Fewer entries than hops: the furthest one.
    expect(pickClientAddress('10.0.0.2', null, { hops: 3 })).toBe('10.0.0.2');
  });

  it('walks past trusted ranges to the first address that is not a proxy', () => {
    expect(pickClientAddress('10.0.0.2', '1.2.3.4, 198.51.100.4, 10.1.1.1', PROXY_RANGES)).toBe('198.51.100.4');
    expect(pickClientAddress('fd00::5', '2001:db8::1', PROXY_RANGES)).toBe('2001:db8::1');
    // A connection from outside the ranges is the client, whatever it says.
    expect(pickClientAddress('198.51.100.4', '1.2.3.4', PROXY_RANGES)).toBe('198.51.100.4');
  });

  it('does not believe an entry that is not an address', () => {
    expect(pickClientAddress('10.0.0.2', 'unknown', { hops: 1 })).toBe('10.0.0.2');
    expect(pickClientAddress('10.0.0.2', '1.2.3.4, garbage', PROXY_RANGES)).toBe('10.0.0.2');
  });
});

describe('addressLimitSubject', () => {
  it('counts an IPv6 client by its /64 and an IPv4 client by its address', () => {
    expect(addressLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressLimitSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(addressLimitSubject('198.51.100.4')).toBe('198.51.100.4');
  });
});
