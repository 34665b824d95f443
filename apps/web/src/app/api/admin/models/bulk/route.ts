import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { applyModelBulkAction, modelBulkSchema } from '@/server/admin/bulk-model-actions';
import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { revalidateEveryPublicPage } from '@/server/cache/revalidate-public-pages';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';

/**
 * POST /api/admin/models/bulk `{ action, ids, reason? }`: hide/unhide, disqualify/requalify,
 * (un)mark as baseline. Answers what happened to each id. Admins only, from a browser session.
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const body = await readJsonBody(request, modelBulkSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const outcome = await applyModelBulkAction(getDb(getEnv().DATABASE_URL), guard.actor, body.data);
  if (outcome.done > 0) revalidateEveryPublicPage();
  return Response.json(outcome);
}
