import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { getApiSubmission } from '@/server/api-v1/find-api-submissions';
import { notFound } from '@/server/api-v1/not-found';
import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { withRoute } from '@/server/http/with-route';
import { cancelSubmission } from '@/server/submissions/cancel-submission';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

/** POST /api/v1/submissions/{id}/cancel: its owner or an admin stops a queued or running submission. */
export const POST = withRoute(
  { name: 'POST /api/v1/submissions/[id]/cancel', shape: 'v1', auth: 'user', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return notFound('submission');
    const result = await cancelSubmission(getOwnershipDeps(), actor, id);
    if (!result.ok) return result;
    revalidateSubmissionPages();
    const env = getEnv();
    const submission = await getApiSubmission(getDb(env.DATABASE_URL), id, actor, env.APP_URL);
    if (!submission) return notFound('submission');
    return Response.json({ submission }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  },
);
