import { DATASET_IDS } from '@tenfold/datasets/catalog';
import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { labelFlagReviewSchema, reviewLabelFlags } from '@/server/admin/review-label-flags';
import { revalidateLabelFlagPages } from '@/server/cache/revalidate-public-pages';
import { readJsonBody } from '@/server/http/read-json-body';
import { withRoute } from '@/server/http/with-route';

/**
 * POST /api/admin/label-flags/review `{ action: "agree" | "dismiss", ids, reason? }`: closes label
 * flags with the admin's conclusion, audited. Admins only, from a browser session.
 */
export const POST = withRoute(
  { name: 'POST /api/admin/label-flags/review', shape: 'api', auth: 'admin' },
  async (request, { actor }) => {
    const body = await readJsonBody(request, labelFlagReviewSchema);
    if (!body.ok) return body;
    const summary = await reviewLabelFlags(getDb(getEnv().DATABASE_URL), actor, body.data);
    // The cached label-error pages show which labels an admin agreed are wrong.
    if (summary.done > 0) for (const dataset of DATASET_IDS) revalidateLabelFlagPages(dataset);
    return Response.json(summary);
  },
);
