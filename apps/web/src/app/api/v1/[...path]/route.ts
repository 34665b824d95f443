import { apiError } from '@/server/api-v1/api-error';

/** Unknown /api/v1 paths answer in the API's error shape rather than with the site's HTML 404 page. */
export function GET(): Response {
  return apiError(404, 'not_found', 'No such /api/v1 endpoint: see /api/v1/openapi.json for the list.');
}
