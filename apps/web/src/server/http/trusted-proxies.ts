import { isIP } from 'node:net';
import { z } from 'zod';

/** One trusted proxy range: an address and how many leading bits of it must match. */
export type ProxyRange = { network: string; prefix: number; family: 'ipv4' | 'ipv6' };

/**
 * Which hops of a request's X-Forwarded-For chain are proxies to believe: the `hops` nearest
 * ones, or those whose address is in one of `ranges`.
 */
export type TrustedProxies = { hops: number } | { ranges: ProxyRange[] };

const MAX_HOPS = 10;
const USAGE = `use a hop count (0 to ${MAX_HOPS}) or comma-separated addresses and CIDR ranges, e.g. "1" or "10.0.0.0/8, 172.16.0.0/12, ::1"`;

function parseRange(entry: string): ProxyRange | null {
  const [network = '', prefixText, ...rest] = entry.split('/');
  const version = isIP(network);
  if (version === 0 || rest.length > 0) return null;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  return { network, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** TRUSTED_PROXIES as env.ts reads it; unset believes no proxy (the socket's address counts). */
export const trustedProxiesSchema = z
  .string()
  .default('0')
  .transform((value, context): TrustedProxies => {
    const text = value.trim();
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops <= MAX_HOPS) return { hops };
    } else {
      const entries = text.split(',').map((entry) => entry.trim());
      const ranges = entries.map(parseRange);
      const wrong = entries.filter((_, index) => ranges[index] === null);
      if (wrong.length === 0) return { ranges: ranges as ProxyRange[] };
      context.addIssue({
        code: 'custom',
        message: `"${wrong.join('", "')}" is not an address or CIDR range: ${USAGE}`,
      });
      return z.NEVER;
    }
    context.addIssue({ code: 'custom', message: USAGE });
    return z.NEVER;
  });
