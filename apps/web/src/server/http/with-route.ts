import 'server-only';
import type { Actor } from '@/server/auth/authenticate-request';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { identifyApiViewer } from '@/server/auth/identify-api-viewer';
import { isRefused, type Refused, refuse } from './refusal.ts';
import { type ApiShape, renderRefusal } from './render-refusal.ts';
import { wantsJson } from './wants-json.ts';

/**
 * Who may call a route: `none` (public, nobody identified), `optional` (public, but who asks
 * decides what they see: a token must be valid, a session is optional), `user` (a signed-in
 * user or an API token) or `admin` (an admin's browser session).
 */
export type RouteAuth = 'none' | 'optional' | 'user' | 'admin';

type ActorFor<A extends RouteAuth> = A extends 'user' | 'admin' ? Actor : A extends 'optional' ? Actor | null : null;

export type RouteOptions<A extends RouteAuth, K extends string> = {
  /** The route's name in logs, e.g. `POST /api/v1/submissions`. */
  name: string;
  /** How refusals are answered: `/api`'s `{ error }` or `/api/v1`'s `{ error: { code, ... } }`. */
  shape: ApiShape;
  auth: A;
  /**
   * False for token management: it needs a browser session, so a leaked API token cannot mint
   * more tokens (admin routes refuse tokens anyway).
   */
  allowToken?: boolean;
  /** Forms posted without JavaScript: a signed-out browser is sent here (303) instead of a 401. */
  signInPath?: string;
  /** The route's dynamic segments (`['id']` for `.../[id]/...`), handed to the handler awaited. */
  params?: readonly K[];
};

export type RouteHandler<A extends RouteAuth, K extends string> = (
  request: Request,
  args: { actor: ActorFor<A>; params: Record<K, string> },
) => Promise<Response | Refused>;

const INTERNAL = 'Something went wrong on our side. Try again; if it persists, tell us.';

async function identify(
  request: Request,
  options: RouteOptions<RouteAuth, string>,
): Promise<Refused | { actor: Actor | null }> {
  if (options.auth === 'none') return { actor: null };
  if (options.auth === 'optional') {
    const identified = await identifyApiViewer(request);
    return identified.ok ? { actor: identified.viewer } : identified;
  }
  const guard = await guardApiRequest(request, {
    allowToken: options.allowToken,
    isAdminOnly: options.auth === 'admin',
  });
  return guard.ok ? { actor: guard.actor } : guard;
}

/**
 * The one wrapper of every /api and /api/v1 route handler: it checks who asks before anything
 * else runs (origin for cookie mutations, session or token, the API rate limit, the admin role:
 * guardApiRequest / identifyApiViewer), hands the handler the actor, renders any Refusal the
 * handler returns in the route's shape, and turns an unexpected exception into a logged 500 in
 * that shape, never a stack trace.
 */
export function withRoute<A extends RouteAuth, K extends string = never>(
  options: RouteOptions<A, K>,
  handler: RouteHandler<A, K>,
): (request: Request, context: { params: Promise<Record<K, string>> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const identified = await identify(request, options);
      if (isRefused(identified)) {
        const isBrowserForm = options.signInPath !== undefined && !wantsJson(request.headers.get('accept'));
        if (isBrowserForm && identified.status === 401) {
          return new Response(null, { status: 303, headers: { Location: options.signInPath as string } });
        }
        return renderRefusal(identified, options.shape);
      }
      const params = await context.params;
      const answer = await handler(request, { actor: identified.actor as ActorFor<A>, params });
      return isRefused(answer) ? renderRefusal(answer, options.shape) : answer;
    } catch (error) {
      console.error(`[tenfold] ${options.name} failed:`, error);
      return renderRefusal(refuse(500, INTERNAL), options.shape);
    }
  };
}
