import { guardApiRequest } from '@/server/auth/guard-api-request';
import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { cancelSubmission } from '@/server/submissions/cancel-submission';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

/** POST /api/submissions/[id]/cancel: its owner or an admin stops a queued or running submission. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No submission with this id.');
  const result = await cancelSubmission(getOwnershipDeps(), guard.actor, id);
  if (!result.ok) return jsonError(result.status, result.error);
  revalidateSubmissionPages();
  return Response.json({ id, status: result.status });
}
