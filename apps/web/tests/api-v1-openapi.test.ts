import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/server/api-v1/openapi-document';

// The served document is checked again over HTTP by tests/e2e/api-v1.test.ts; this catches a
// broken document in a second, without a build.

describe('the /api/v1 OpenAPI document', () => {
  const document = buildOpenApiDocument('https://tenfold.example');

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every operation of the agreed contract, with the error shape on failures', () => {
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /compare',
        'GET /evaluations/{id}',
        'GET /evaluations/{id}/predictions',
        'GET /leaderboards/mnist-vs-fashion',
        'GET /leaderboards/{dataset}',
        'GET /leaderboards/{dataset}/export',
        'GET /me',
        'GET /openapi.json',
        'GET /submissions',
        'GET /submissions/{id}',
        'POST /submissions',
        'POST /submissions/{id}/cancel',
      ].sort(),
    );
    const errorRef = { $ref: '#/components/schemas/Error' };
    for (const methods of Object.values(paths)) {
      for (const operation of Object.values(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400) {
            expect(response).toMatchObject({ content: { 'application/json': { schema: errorRef } } });
          }
        }
      }
    }
  });
});
