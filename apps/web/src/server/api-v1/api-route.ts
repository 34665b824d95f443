import { apiError } from './api-error.ts';

/**
 * Wraps an /api/v1 route handler so an unexpected failure still answers in the API's error
 * shape (code `internal`) instead of Next's bare 500; the details go to the log, not the client.
 */
export function apiRoute<Context>(
  name: string,
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      console.error(`[tenfold] ${name} failed:`, error);
      return apiError(500, 'internal', 'Something went wrong on our side. Try again; if it persists, tell us.');
    }
  };
}
