import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';

/** Unknown /api/v1 paths answer in the API's error shape rather than with the site's HTML 404 page. */
export const GET = withRoute({ name: 'GET /api/v1/[...path]', shape: 'v1', auth: 'none' }, async () =>
  refuse(404, 'No such /api/v1 endpoint: see /api/v1/openapi.json for the list.'),
);
