import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { labelFlagReviewSchema, reviewLabelFlags } from '@/server/admin/review-label-flags';
import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';

/**
 * POST /api/admin/label-flags/review `{ action: "agree" | "dismiss", ids, reason? }`: closes label
 * flags with the admin's conclusion, audited. Admins only, from a browser session.
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const body = await readJsonBody(request, labelFlagReviewSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  return Response.json(await reviewLabelFlags(getDb(getEnv().DATABASE_URL), guard.actor, body.data));
}
