import { timingSafeEqual } from 'node:crypto';
import { pageChangeSchema, readPageChangeSecret } from '@tenfold/queue';
import { getEnv } from '@/env';
import { isSameOriginRequest } from '@/server/auth/is-same-origin-request';
import { revalidateConsensusPages, revalidateResultPages } from '@/server/cache/revalidate-public-pages';
import { readJsonBody } from '@/server/http/read-json-body';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { getRedis } from '@/server/redis';

function isSameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /api/internal/page-changes `{ dataset, modelId }` or `{ dataset, consensus: true }`: called
 * by workers after they commit a submission's result or a change of a dataset's per-image
 * consensus, so the pages showing it leave the page cache at once. Not for people: the
 * bearer is the secret workers read from Redis (`readPageChangeSecret`), so no session or API
 * token is identified ('none') and anyone else gets 401 whoever they are signed in as.
 */
export const POST = withRoute(
  { name: 'POST /api/internal/page-changes', shape: 'api', auth: 'none' },
  async (request) => {
    // The site's CSRF rule first, as for every mutation: without a bearer, only its own origin.
    if (!request.headers.has('authorization') && !isSameOriginRequest(request.headers, getEnv().APP_URL)) {
      return refuse(403, 'Cross-site request refused.');
    }
    const given = request.headers.get('authorization')?.match(/^Bearer (\S+)$/)?.[1];
    if (!given || !isSameSecret(given, await readPageChangeSecret(getRedis(), getEnv().QUEUE_PREFIX))) {
      return refuse(401, 'This route is for Tenfold workers only.');
    }
    const change = await readJsonBody(request, pageChangeSchema);
    if (!change.ok) return change;
    if ('modelId' in change.data) revalidateResultPages(change.data.dataset, change.data.modelId);
    else revalidateConsensusPages(change.data.dataset);
    return new Response(null, { status: 204 });
  },
);
