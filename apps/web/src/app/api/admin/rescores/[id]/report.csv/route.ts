import { guardAdminRequest } from '@/server/auth/guard-admin-request';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { formatRescoreReportCsv } from '@/server/rescoring/format-rescore-report-csv';
import { getRescoreDeps } from '@/server/rescoring/get-rescore-deps';
import { getRescoreReport } from '@/server/rescoring/get-rescore-report';

/** GET /api/admin/rescores/[id]/report.csv: the batch's report, one line per entry. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardAdminRequest(request);
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'No rescore batch with this id.');
  const { db } = getRescoreDeps();
  if (!(await db.rescoreBatch.findUnique({ where: { id }, select: { id: true } }))) {
    return jsonError(404, 'No rescore batch with this id.');
  }
  const report = await getRescoreReport(db, id);
  return new Response(formatRescoreReportCsv(report.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tenfold-rescore-${id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
