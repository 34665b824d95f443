import { isDatasetId } from '@tenfold/datasets/catalog';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { getTestImagePng } from '@/server/images/get-test-image-png';

const INDEX = /^\d{1,5}$/;

/** GET /api/datasets/[id]/images/[index]: one test image as a PNG. The test split never changes, so it caches for good. */
export const GET = withRoute(
  { name: 'GET /api/datasets/[id]/images/[index]', shape: 'api', auth: 'none', params: ['id', 'index'] },
  async (_request, { params: { id, index } }) => {
    const png = isDatasetId(id) && INDEX.test(index) ? await getTestImagePng(id, Number(index)) : null;
    if (!png) return refuse(404, 'No such test image.');
    return new Response(new Uint8Array(png), {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=31536000, immutable' },
    });
  },
);
