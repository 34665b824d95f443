import { isDatasetId } from '@tenfold/datasets/catalog';
import { jsonError } from '@/server/http/json-error';
import { getTestImagePng } from '@/server/images/get-test-image-png';

type Context = { params: Promise<{ id: string; index: string }> };

const INDEX = /^\d{1,5}$/;

/** GET /api/datasets/[id]/images/[index]: one test image as a PNG. The test split never changes, so it caches for good. */
export async function GET(_request: Request, context: Context): Promise<Response> {
  const { id, index } = await context.params;
  if (!isDatasetId(id) || !INDEX.test(index)) return jsonError(404, 'No such test image.');
  const png = await getTestImagePng(id, Number(index));
  if (!png) return jsonError(404, 'No such test image.');
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
