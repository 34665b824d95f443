import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { applyModelBulkAction, modelBulkSchema } from '@/server/admin/bulk-model-actions';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { readJsonBody } from '@/server/http/read-json-body';
import { withRoute } from '@/server/http/with-route';

/**
 * POST /api/admin/models/bulk `{ action, ids, reason? }`: hide/unhide, disqualify/requalify,
 * (un)mark as baseline. Answers what happened to each id. Admins only, from a browser session.
 */
export const POST = withRoute(
  { name: 'POST /api/admin/models/bulk', shape: 'api', auth: 'admin' },
  async (request, { actor }) => {
    const body = await readJsonBody(request, modelBulkSchema);
    if (!body.ok) return body;
    const outcome = await applyModelBulkAction(getDb(getEnv().DATABASE_URL), actor, body.data);
    if (outcome.done > 0) revalidateEveryPublicPage();
    return Response.json(outcome);
  },
);
