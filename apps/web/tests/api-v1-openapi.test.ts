import { Validator } from '@seriousme/openapi-schema-validator';
import { DEFAULT_CHOICES, INPUT_LAYOUTS, INPUT_SCALES, OUTPUT_KINDS } from '@tenfold/contract';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/server/api-v1/openapi-document';
import { submissionFieldsSchema } from '@/server/submissions/submission-input';

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
        'GET /datasets/{dataset}/consensus',
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

  it("documents the upload's contract choices as the contract table lists them, which is what the server accepts", () => {
    const upload = (document.paths as Record<string, Record<string, unknown>>)['/submissions']?.post as {
      requestBody: { content: { 'multipart/form-data': { schema: { properties: Record<string, unknown> } } } };
    };
    const properties = upload.requestBody.content['multipart/form-data'].schema.properties;
    const tables = { layout: INPUT_LAYOUTS, scale: INPUT_SCALES, output: OUTPUT_KINDS } as const;
    for (const [field, table] of Object.entries(tables) as Array<
      [keyof typeof tables, (typeof tables)[keyof typeof tables]]
    >) {
      const ids = table.map((choice) => choice.id);
      expect(properties[field]).toEqual({ type: 'string', enum: ids, default: DEFAULT_CHOICES[field] });
      for (const id of ids) {
        const fields = { dataset: 'mnist', modelName: 'm', [field]: id, mean: '0.5', std: '0.5' };
        expect(submissionFieldsSchema.parse(fields)[field]).toBe(id);
      }
      expect(submissionFieldsSchema.safeParse({ dataset: 'mnist', modelName: 'm', [field]: 'other' }).success).toBe(
        false,
      );
    }
  });
});
