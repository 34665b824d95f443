import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { getSubmissionStatus } from '@/server/queries/get-submission-status';
import { deleteSubmission } from '@/server/submissions/delete-submission';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

const NO_SUBMISSION = 'No submission with this id.';

/** GET /api/submissions/[id]: the submission's state, polled by its page while it is scored. */
export const GET = withRoute(
  { name: 'GET /api/submissions/[id]', shape: 'api', auth: 'optional', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    const submission = isResourceId(id) ? await getSubmissionStatus(getDb(getEnv().DATABASE_URL), id, actor) : null;
    if (!submission) return refuse(404, NO_SUBMISSION);
    return Response.json(submission, { headers: { 'Cache-Control': 'no-store' } });
  },
);

/** DELETE /api/submissions/[id]: its owner or an admin deletes it, with its results. */
export const DELETE = withRoute(
  { name: 'DELETE /api/submissions/[id]', shape: 'api', auth: 'user', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, NO_SUBMISSION);
    const result = await deleteSubmission(getOwnershipDeps(), actor, id);
    if (!result.ok) return result;
    revalidateEveryPublicPage();
    return new Response(null, { status: 204 });
  },
);
