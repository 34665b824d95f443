import { isDatasetId } from '@tenfold/datasets/catalog';
import { parseQuery } from '@/server/api-v1/parse-query';
import { consensusQuerySchema } from '@/server/api-v1/schemas';
import { exportImageConsensus } from '@/server/consensus/export-image-consensus';
import { formatConsensusCsv } from '@/server/consensus/format-consensus-csv';
import { getRequestDb } from '@/server/db';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { getCachedConsensus } from '@/server/queries/get-cached-consensus';

/**
 * GET /api/v1/datasets/{dataset}/consensus?format=json|csv: every test image seen through every
 * public model (right answers, the most common wrong one, the strong models' vote), to cite.
 */
export const GET = withRoute(
  { name: 'GET /api/v1/datasets/[dataset]/consensus', shape: 'v1', auth: 'optional', params: ['dataset'] },
  async (request, { params: { dataset } }) => {
    if (!isDatasetId(dataset)) return refuse(404, 'No dataset with this name: use mnist or fashion-mnist.');
    const query = parseQuery(request, consensusQuerySchema);
    if (!query.ok) return query;
    const db = await getRequestDb();
    const { format } = query.data;
    // Compressed once per change of the consensus, sent as stored (encode-export.ts).
    const encoded = await getCachedConsensus(db, `v1:${dataset}:${format}`, async () => {
      const consensus = await exportImageConsensus(db, dataset);
      return encodeExport(format === 'csv' ? formatConsensusCsv(consensus) : JSON.stringify(consensus));
    });
    return respondWithExport(request, encoded, {
      'Content-Disposition': `inline; filename="tenfold-${dataset}-consensus.${format}"`,
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
    });
  },
);
