import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';
import { getRescoreProgress } from '@/server/rescoring/get-rescore-progress';

/** GET /api/admin/rescores/[id]: a batch's status and item counts per status. */
export const GET = withRoute(
  { name: 'GET /api/admin/rescores/[id]', shape: 'api', auth: 'admin', params: ['id'] },
  async (_request, { params: { id } }) => {
    const progress = isResourceId(id) ? await getRescoreProgress(getRescoreDeps().db, id) : null;
    if (!progress) return refuse(404, 'No rescore batch with this id.');
    return Response.json(progress, { headers: { 'Cache-Control': 'no-store' } });
  },
);
