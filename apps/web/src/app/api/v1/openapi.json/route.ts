import { getEnv } from '@/env';
import { buildOpenApiDocument } from '@/server/api-v1/openapi-document';
import { withRoute } from '@/server/http/with-route';

let cached: { appUrl: string; body: string } | undefined;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1, built once per process. */
export const GET = withRoute({ name: 'GET /api/v1/openapi.json', shape: 'v1', auth: 'none' }, async () => {
  const { APP_URL } = getEnv();
  if (cached?.appUrl !== APP_URL) cached = { appUrl: APP_URL, body: JSON.stringify(buildOpenApiDocument(APP_URL)) };
  return new Response(cached.body, {
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'public, max-age=300',
      // Readable by API explorers on other origins; it holds nothing private.
      'Access-Control-Allow-Origin': '*',
    },
  });
});
