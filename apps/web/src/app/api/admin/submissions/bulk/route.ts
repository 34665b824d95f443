import { applySubmissionBulkAction, submissionBulkSchema } from '@/server/admin/bulk-submission-actions';
import { getAdminDeps } from '@/server/admin/get-admin-deps';
import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';

/**
 * POST /api/admin/submissions/bulk `{ action, ids, reason? }`: retry, cancel, give back quota,
 * hide/unhide, disqualify/requalify, mark reviewed, (un)mark the model as baseline. Answers what
 * happened to each id. Admins only, from a browser session (not an API token).
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const body = await readJsonBody(request, submissionBulkSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const outcome = await applySubmissionBulkAction(getAdminDeps(), guard.actor, body.data);
  if (outcome.done > 0) revalidateEveryPublicPage();
  return Response.json(outcome);
}
