import 'server-only';
import { getEnv } from '@/env';
import { addressLimitSubject, getClientAddress } from '@/server/http/client-address';
import { type Refused, refuse } from '@/server/http/refusal';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';
import { getRedis } from '@/server/redis';
import { type Actor, authenticateRequest } from './authenticate-request.ts';
import { guardApiRequest } from './guard-api-request.ts';

export type ApiViewer = { ok: true; viewer: Actor | null } | Refused;

/**
 * For reads anyone may make, where who asks decides what they see (private entries). A token
 * goes through the full guard (a bad one is refused, and token calls are rate limited); a
 * browser session is optional. Anonymous reads are limited per client address: generous for
 * a person or a script, but they cost database queries, so not unlimited.
 */
export async function identifyApiViewer(request: Request): Promise<ApiViewer> {
  if (request.headers.has('authorization')) {
    const guard = await guardApiRequest(request);
    return guard.ok ? { ok: true, viewer: guard.actor } : guard;
  }
  const authentication = await authenticateRequest(request.headers);
  if (authentication.kind === 'actor') return { ok: true, viewer: authentication.actor };
  const env = getEnv();
  const address = addressLimitSubject(getClientAddress(request.headers));
  const decision = await consumeRateLimit(getRedis(), rateLimitFor(env, 'anonymous-reads', address));
  if (decision.isAllowed) return { ok: true, viewer: null };
  return refuse(
    429,
    `Too many requests: anonymous reads are limited to ${env.ANONYMOUS_API_READS_PER_MINUTE} a minute per address. Try again in ${decision.retryAfterSeconds} s, or send an API token.`,
    { headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
  );
}
