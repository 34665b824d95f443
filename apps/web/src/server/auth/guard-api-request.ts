import 'server-only';
import { getEnv } from '@/env';
import { jsonError } from '@/server/http/json-error';
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
};

export type GuardResult = { ok: true; actor: Actor } | { ok: false; status: 401 | 403 | 429; response: Response };

function refuse(status: 401 | 403 | 429, message: string, headers: Record<string, string> = {}): GuardResult {
  return { ok: false, status, response: jsonError(status, message, headers) };
}

/**
 * The one check in front of every API route that needs a user: CSRF for cookie-authenticated
 * mutations, then who is asking, then the per-user API rate limit. Ownership is the service's job.
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
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    });
  }
  if (authentication.kind === 'anonymous') {
    return refuse(401, 'Sign in, or send an API token as "Authorization: Bearer tf_...".', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  const { actor } = authentication;
  if (actor.via === 'token' && options.allowToken === false) {
    return refuse(403, 'API tokens cannot do this: sign in on the website.');
  }

  if (isMutation || actor.via === 'token') {
    const decision = await consumeRateLimit(getRedis(), rateLimitFor(env, 'api', actor.userId));
    if (!decision.isAllowed) {
      return refuse(
        429,
        `Too many requests: the limit is ${env.API_REQUESTS_PER_MINUTE} a minute. Try again in ${decision.retryAfterSeconds} s.`,
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
  }
  return { ok: true, actor };
}
