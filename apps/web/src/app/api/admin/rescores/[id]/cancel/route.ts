import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { cancelRescoreBatch } from '@/server/rescoring/cancel-rescore-batch';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';

/** POST /api/admin/rescores/[id]/cancel: stops a running batch; what finished stays. */
export const POST = withRoute(
  { name: 'POST /api/admin/rescores/[id]/cancel', shape: 'api', auth: 'admin', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, 'No rescore batch with this id.');
    const result = await cancelRescoreBatch(getRescoreDeps(), actor, id);
    if (!result.ok) return result;
    return Response.json({
      id,
      status: 'CANCELLED',
      cancelledItems: result.cancelledItems,
      doneItems: result.doneItems,
    });
  },
);
