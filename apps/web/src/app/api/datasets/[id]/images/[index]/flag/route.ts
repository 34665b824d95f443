import { isDatasetId } from '@tenfold/datasets/catalog';
import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { revalidateLabelFlagPages } from '@/server/cache/revalidate-public-pages';
import { flagImageLabel, flagImageLabelSchema } from '@/server/consensus/flag-image-label';
import { readJsonBody } from '@/server/http/read-json-body';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';

const INDEX = /^\d{1,5}$/;

/**
 * POST /api/datasets/[id]/images/[index]/flag `{ suggestedClass?, note? }`: a signed-in user
 * says the image's official label looks wrong. 201 with the new flag, 200 with the caller's
 * earlier one. The label and every score stay as they are.
 */
export const POST = withRoute(
  { name: 'POST /api/datasets/[id]/images/[index]/flag', shape: 'api', auth: 'user', params: ['id', 'index'] },
  async (request, { actor, params: { id, index } }) => {
    if (!isDatasetId(id) || !INDEX.test(index)) return refuse(404, 'No such test image.');
    const body = await readJsonBody(request, flagImageLabelSchema);
    if (!body.ok) return body;
    const result = await flagImageLabel(getDb(getEnv().DATABASE_URL), actor, id, Number(index), body.data);
    if (!result.ok) return result;
    // The cached label-error page counts the flags.
    if (result.flag.isNew) revalidateLabelFlagPages(id);
    return Response.json(result.flag, { status: result.flag.isNew ? 201 : 200 });
  },
);
