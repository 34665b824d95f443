import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { cancelSubmission } from '@/server/submissions/cancel-submission';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

/** POST /api/submissions/[id]/cancel: its owner or an admin stops a queued or running submission. */
export const POST = withRoute(
  { name: 'POST /api/submissions/[id]/cancel', shape: 'api', auth: 'user', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, 'No submission with this id.');
    const result = await cancelSubmission(getOwnershipDeps(), actor, id);
    if (!result.ok) return result;
    revalidateSubmissionPages();
    return Response.json({ id, status: result.status });
  },
);
