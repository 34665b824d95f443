import { applySubmissionBulkAction, submissionBulkSchema } from '@/server/admin/bulk-submission-actions';
import { getAdminDeps } from '@/server/admin/get-admin-deps';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { readJsonBody } from '@/server/http/read-json-body';
import { withRoute } from '@/server/http/with-route';

/**
 * POST /api/admin/submissions/bulk `{ action, ids, reason? }`: retry, cancel, give back quota,
 * hide/unhide, disqualify/requalify, mark reviewed, (un)mark the model as baseline. Answers what
 * happened to each id. Admins only, from a browser session (not an API token).
 */
export const POST = withRoute(
  { name: 'POST /api/admin/submissions/bulk', shape: 'api', auth: 'admin' },
  async (request, { actor }) => {
    const body = await readJsonBody(request, submissionBulkSchema);
    if (!body.ok) return body;
    const outcome = await applySubmissionBulkAction(getAdminDeps(), actor, body.data);
    if (outcome.done > 0) revalidateEveryPublicPage();
    return Response.json(outcome);
  },
);
