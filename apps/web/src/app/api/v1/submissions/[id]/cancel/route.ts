import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { apiError, codeForStatus, notFound } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { requireActor } from '@/server/api-v1/authenticate';
import { getApiSubmission } from '@/server/api-v1/find-api-submissions';
import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { cancelSubmission } from '@/server/submissions/cancel-submission';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

/** POST /api/v1/submissions/{id}/cancel: its owner or an admin stops a queued or running submission. */
export const POST = apiRoute(
  'POST /api/v1/submissions/[id]/cancel',
  async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
    const actor = await requireActor(request);
    if (!actor.ok) return actor.response;
    const { id } = await context.params;
    if (!isResourceId(id)) return notFound('submission');
    const result = await cancelSubmission(getOwnershipDeps(), actor.value, id);
    if (!result.ok) return apiError(result.status, codeForStatus(result.status), result.error);
    revalidateSubmissionPages();
    const env = getEnv();
    const submission = await getApiSubmission(getDb(env.DATABASE_URL), id, actor.value, env.APP_URL);
    if (!submission) return notFound('submission');
    return Response.json({ submission }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  },
);
