import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { formatRescoreReportCsv } from '@/server/rescoring/format-rescore-report-csv';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';
import { getRescoreReport } from '@/server/rescoring/get-rescore-report';

/** GET /api/admin/rescores/[id]/report.csv: the batch's report, one line per entry. */
export const GET = withRoute(
  { name: 'GET /api/admin/rescores/[id]/report.csv', shape: 'api', auth: 'admin', params: ['id'] },
  async (_request, { params: { id } }) => {
    const missing = refuse(404, 'No rescore batch with this id.');
    if (!isResourceId(id)) return missing;
    const { db } = getRescoreDeps();
    if (!(await db.rescoreBatch.findUnique({ where: { id }, select: { id: true } }))) return missing;
    const report = await getRescoreReport(db, id);
    return new Response(formatRescoreReportCsv(report.rows), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="tenfold-rescore-${id}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  },
);
