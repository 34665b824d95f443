import { BlockList, isIP } from 'node:net';
import { getEnv } from '@/env';
import { readStampedAddress } from './stamp-socket-address.ts';
import type { ProxyRange, TrustedProxies } from './trusted-proxies.ts';

/** Set by /api/auth's route from getClientAddress, never taken from the client: better-auth reads it. */
export const CLIENT_ADDRESS_HEADER = 'x-tenfold-client-address';

/** Requests whose connection is unknown (no stamp) share one address, so they share its limits. */
const UNKNOWN_ADDRESS = 'unknown';

const blockLists = new WeakMap<ProxyRange[], BlockList>();

function blockListFor(ranges: ProxyRange[]): BlockList {
  let list = blockLists.get(ranges);
  if (!list) {
    list = new BlockList();
    for (const range of ranges) list.addSubnet(range.network, range.prefix, range.family);
    blockLists.set(ranges, list);
  }
  return list;
}

/** `::ffff:10.0.0.1` (an IPv4 client of a dual-stack socket) is 10.0.0.1. */
function normalize(address: string): string {
  const lower = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? (mapped[1] as string) : lower;
}

function isTrustedHop(list: BlockList, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address from the connection's and the X-Forwarded-For chain, believing only
 * proxies named by TRUSTED_PROXIES: walking from the connection towards the client, each
 * trusted hop vouches for the entry its left; the first address not vouched for is the client.
 * An entry that is not an address is not believed either: the hop that passed it on counts.
 */
export function pickClientAddress(socket: string, forwardedFor: string | null, trusted: TrustedProxies): string {
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket].map(normalize);
  let index = chain.length - 1;
  if ('hops' in trusted) {
    index = Math.max(0, index - trusted.hops);
  } else {
    const list = blockListFor(trusted.ranges);
    while (index > 0 && isTrustedHop(list, chain[index] as string)) index -= 1;
  }
  while (index < chain.length - 1 && isIP(chain[index] as string) === 0) index += 1;
  return chain[index] as string;
}

/** The one client address of a request, which every per-address limit uses. */
export function getClientAddress(headers: Headers): string {
  const stamped = readStampedAddress(headers);
  if (!stamped) return UNKNOWN_ADDRESS;
  return pickClientAddress(stamped.socket, stamped.forwardedFor, getEnv().TRUSTED_PROXIES);
}

/** The first four groups of an IPv6 address (its /64 network), `::` and embedded IPv4 expanded. */
function ipv6Network(address: string): string {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) =>
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * What a per-address limit counts: an IPv4 address, or an IPv6 client's whole /64, since
 * providers give each customer at least a /64 and one address of it is as good as any other.
 */
export function addressLimitSubject(address: string): string {
  return isIP(address) === 6 ? ipv6Network(address) : address;
}
