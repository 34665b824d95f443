import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';
import { createRescoreBatch } from '@/server/rescoring/create-rescore-batch';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';
import { createRescoreBatchSchema } from '@/server/rescoring/rescore-selection';

/**
 * POST /api/admin/rescores `{ "selection": { "kind": ... }, "reason": "..." }`: an admin starts a
 * rescore batch. 201 with the batch id, how many submissions it rescores and what was skipped.
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const body = await readJsonBody(request, createRescoreBatchSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const result = await createRescoreBatch(getRescoreDeps(), guard.actor, body.data);
  if (!result.ok)
    return Response.json({ error: result.error, skipped: result.skipped ?? {} }, { status: result.status });
  return Response.json(
    { id: result.batchId, total: result.total, skipped: result.skipped, queued: result.isQueued },
    { status: 201 },
  );
}
