import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { identifyApiViewer } from '@/server/auth/identify-api-viewer';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { getSubmissionStatus } from '@/server/queries/get-submission-status';
import { deleteSubmission } from '@/server/submissions/delete-submission';
import { getOwnershipDeps } from '@/server/submissions/get-ownership-deps';

type Context = { params: Promise<{ id: string }> };

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/submissions/[id]: the submission's state, polled by its page while it is scored. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  const identified = await identifyApiViewer(request);
  if (!identified.ok) return identified.response;
  const submission = isResourceId(id)
    ? await getSubmissionStatus(getDb(getEnv().DATABASE_URL), id, identified.viewer)
    : null;
  if (!submission) return jsonError(404, 'No submission with this id.');
  return Response.json(submission, { headers: NO_STORE });
}

/** DELETE /api/submissions/[id]: its owner or an admin deletes it, with its results. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No submission with this id.');
  const result = await deleteSubmission(getOwnershipDeps(), guard.actor, id);
  if (!result.ok) return jsonError(result.status, result.error);
  revalidateEveryPublicPage();
  return new Response(null, { status: 204 });
}
