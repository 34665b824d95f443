import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { cancelRescoreBatch } from '@/server/rescoring/cancel-rescore-batch';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';

/** POST /api/admin/rescores/[id]/cancel: stops a running batch; what finished stays. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No rescore batch with this id.');
  const result = await cancelRescoreBatch(getRescoreDeps(), guard.actor, id);
  if (!result.ok) return jsonError(result.status, result.error);
  return Response.json({ id, status: 'CANCELLED', cancelledItems: result.cancelledItems, doneItems: result.doneItems });
}
