import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';
import { getRescoreProgress } from '@/server/rescoring/get-rescore-progress';

/** GET /api/admin/rescores/[id]: a batch's status and item counts per status. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No rescore batch with this id.');
  const progress = await getRescoreProgress(getRescoreDeps().db, id);
  if (!progress) return jsonError(404, 'No rescore batch with this id.');
  return Response.json(progress, { headers: { 'Cache-Control': 'no-store' } });
}
