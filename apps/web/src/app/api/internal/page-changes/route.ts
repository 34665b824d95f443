import { timingSafeEqual } from 'node:crypto';
import { pageChangeSchema, readPageChangeSecret } from '@tenfold/queue';
import { getEnv } from '@/env';
import { isSameOriginRequest } from '@/server/auth/is-same-origin-request';
import { revalidateResultPages } from '@/server/cache/revalidate-public-pages';
import { readJsonBody } from '@/server/http/read-json-body';
import { getRedis } from '@/server/redis';

function isSameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Called by workers after they commit a submission's result: the pages showing it leave the
 * page cache at once. Not for people: the bearer is the secret workers read from Redis
 * (`readPageChangeSecret`), and anyone else gets 401 whoever they are signed in as.
 */
export async function POST(request: Request) {
  // The site's CSRF rule first, as for every mutation: without a bearer, only its own origin.
  if (!request.headers.has('authorization') && !isSameOriginRequest(request.headers, getEnv().APP_URL)) {
    return Response.json({ error: 'Cross-site request refused.' }, { status: 403 });
  }
  const given = request.headers.get('authorization')?.match(/^Bearer (\S+)$/)?.[1];
  if (!given || !isSameSecret(given, await readPageChangeSecret(getRedis(), getEnv().QUEUE_PREFIX))) {
    return Response.json({ error: 'This route is for Tenfold workers only.' }, { status: 401 });
  }
  const change = await readJsonBody(request, pageChangeSchema);
  if (!change.ok) return Response.json({ error: change.error }, { status: change.status });
  revalidateResultPages(change.data.dataset, change.data.modelId);
  return new Response(null, { status: 204 });
}
