import { describe, expect, it } from 'vitest';
import { refuse } from './refusal.ts';
import { withRoute } from './with-route.ts';

// Who-asks checks (origin, session or token, limits, role) run against the real app in
// tests/e2e/authorization-matrix.test.ts and api-v1.test.ts; these are the wrapper's own duties.
const request = new Request('https://tenfold.test/api/things/abc');
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe('withRoute', () => {
  it("hands the handler the route's params and passes its answer on", async () => {
    const route = withRoute(
      { name: 'GET /api/things/[id]', shape: 'api', auth: 'none', params: ['id'] },
      async (_r, args) => Response.json({ id: args.params.id, actor: args.actor }),
    );
    const response = await route(request, context({ id: 'abc' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'abc', actor: null });
  });

  it('passes on a response whose status is not 2xx (a redirect, a 404 body of its own)', async () => {
    const route = withRoute(
      { name: 'POST /api/form', shape: 'api', auth: 'none' },
      async () => new Response(null, { status: 303, headers: { Location: '/submit?x=1' } }),
    );
    const response = await route(request, context({}));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/submit?x=1');
  });

  it('renders a returned refusal in the shape of its API, /api or /api/v1', async () => {
    const handler = async () => refuse(404, 'No thing with this id.');
    const api = await withRoute({ name: 'GET /api/x', shape: 'api', auth: 'none' }, handler)(request, context({}));
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'No thing with this id.' });
    const v1 = await withRoute({ name: 'GET /api/v1/x', shape: 'v1', auth: 'none' }, handler)(request, context({}));
    expect(v1.status).toBe(404);
    expect(await v1.json()).toEqual({ error: { code: 'not_found', message: 'No thing with this id.' } });
  });

  it('answers an unexpected failure with a 500 in its shape, without the details', async () => {
    const failing = async (): Promise<Response> => {
      throw new Error('secret connection string');
    };
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(...args);
    try {
      const v1 = await withRoute({ name: 'GET /api/v1/y', shape: 'v1', auth: 'none' }, failing)(request, context({}));
      expect(v1.status).toBe(500);
      const body = JSON.stringify(await v1.json());
      expect(body).toContain('"code":"internal"');
      expect(body).not.toContain('secret');
      const api = await withRoute({ name: 'GET /api/y', shape: 'api', auth: 'none' }, failing)(request, context({}));
      expect(api.status).toBe(500);
      expect(await api.json()).toEqual({ error: expect.stringContaining('Something went wrong') });
    } finally {
      console.error = original;
    }
    expect(logged).toContain('[tenfold] GET /api/v1/y failed:');
  });
});
