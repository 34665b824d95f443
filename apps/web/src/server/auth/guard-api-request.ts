import 'server-only';
import { getEnv } from '@/env';
import { type Refused, refuse } from '@/server/http/refusal';
import { consumeRateLimit } from '@/server/limits/consume-rate-limit';
import { rateLimitFor } from '@/server/limits/rate-limit-for';
import { getRedis } from '@/server/redis';
import { type Actor, authenticateRequest } from './authenticate-request.ts';
import { isSameOriginRequest } from './is-same-origin-request.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type GuardOptions = {
  /**
   * False for token management and role changes: they need a browser session, so a leaked
   * API token cannot mint more tokens or make anyone an admin.
   */
  allowToken?: boolean;
  /** Every /api/admin endpoint: role ADMIN, which only a browser session carries (see Actor). */
  isAdminOnly?: boolean;
};

export type GuardResult = { ok: true; actor: Actor } | Refused;

/**
 * The one check in front of every API route that needs a user (`withRoute` calls it): CSRF for
 * cookie-authenticated mutations, then who is asking, then the per-user API rate limit, then, for
 * admin routes, the role. Ownership is the service's job.
 */
export async function guardApiRequest(request: Request, options: GuardOptions = {}): Promise<GuardResult> {
  const env = getEnv();
  const isMutation = !SAFE_METHODS.has(request.method);
  // Browsers attach cookies to cross-site requests but never an Authorization header, so only
  // requests without a bearer token can be forged.
  const hasBearer = request.headers.has('authorization');
  if (isMutation && !hasBearer && !isSameOriginRequest(request.headers, env.APP_URL)) {
    return refuse(403, `Cross-site request refused: send it from ${env.APP_URL} or authenticate with an API token.`);
  }

  const authentication = await authenticateRequest(request.headers);
  if (authentication.kind === 'invalid_token') {
    return refuse(401, 'The API token is invalid or revoked. Create a new one at /settings/tokens.', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  }
  if (authentication.kind === 'anonymous') {
    return refuse(401, 'Sign in, or send an API token as "Authorization: Bearer tf_...".', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  const { actor } = authentication;
  if (actor.via === 'token' && (options.allowToken === false || options.isAdminOnly)) {
    return refuse(403, 'API tokens cannot do this: sign in on the website.');
  }

  if (isMutation || actor.via === 'token') {
    const decision = await consumeRateLimit(getRedis(), rateLimitFor(env, 'api', actor.userId));
    if (!decision.isAllowed) {
      return refuse(
        429,
        `Too many requests: the limit is ${env.API_REQUESTS_PER_MINUTE} a minute. Try again in ${decision.retryAfterSeconds} s.`,
        { headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
      );
    }
  }
  // After the limit, so a non-admin probing admin routes spends their own API budget.
  if (options.isAdminOnly && actor.role !== 'ADMIN') return refuse(403, 'Only admins can do this.');
  return { ok: true, actor };
}
