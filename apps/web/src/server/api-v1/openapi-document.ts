import { DEFAULT_CHOICES, LAYOUT_IDS, OUTPUT_IDS, SCALE_IDS } from '@tenfold/contract';
import { z } from 'zod';
import {
  apiSchemas,
  compareQuerySchema,
  leaderboardQuerySchema,
  pairQuerySchema,
  submissionListQuerySchema,
} from './schemas.ts';

// The OpenAPI 3.1 description of /api/v1. Bodies come from the zod schemas the serialisers are
// typed by (schemas.ts), query parameters from the schemas the routes parse them with; only
// paths, statuses and the multipart upload are spelled out here.

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (description: string, schema: JsonObject) => ({
  description,
  content: { 'application/json': { schema } },
});
const object = (properties: JsonObject) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const page = (item: string) => object({ data: { type: 'array', items: ref(item) }, pagination: ref('Pagination') });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `error.fields` says what to fix (code invalid_input).',
  401: 'No valid API token or session (code unauthorized).',
  403: 'Not allowed, or a cross-site request with a cookie (code forbidden).',
  404: 'No such resource, or the caller may not see it (code not_found).',
  409: 'The resource is in a state that does not allow this (code conflict).',
  413: 'The upload is larger than the limit (code payload_too_large).',
  429: 'Rate limit (rate_limited) or daily quota (quota_exceeded); wait `Retry-After` seconds.',
  503: 'Storage or queue unavailable; retry after `Retry-After` seconds (code unavailable).',
};
const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
};
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        ...json(ERROR_DESCRIPTIONS[status] ?? 'Error', ref('Error')),
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      },
    ]),
  );

/** Query parameters from the zod schema the route parses them with (its input side). */
function queryParameters(schema: z.ZodType): JsonObject[] {
  const described = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(described.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: described.required?.includes(name) ?? false,
    schema: property,
  }));
}

const pathId = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const datasetParameter = { name: 'dataset', in: 'path', required: true, schema: ref('Dataset') };

/** Component schemas without the per-document keys zod adds ($schema, and an $id OpenAPI resolves itself). */
function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]),
  );
}

const TOKEN_OR_ANONYMOUS = [{ bearerAuth: [] }, {}];
const TOKEN = [{ bearerAuth: [] }];

const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file', 'dataset', 'modelName'],
        properties: {
          file: {
            type: 'array',
            items: { type: 'string', contentMediaType: 'application/octet-stream' },
            description:
              'One .onnx file, one TF.js .zip, or a TF.js model.json with its weight shards (several `file` parts).',
          },
          dataset: ref('Dataset'),
          modelName: {
            type: 'string',
            maxLength: 80,
            description:
              'Letters, digits, spaces and . _ + -; an existing model of yours with this name gets the submission.',
          },
          layout: { type: 'string', enum: LAYOUT_IDS, default: DEFAULT_CHOICES.layout },
          scale: { type: 'string', enum: SCALE_IDS, default: DEFAULT_CHOICES.scale },
          mean: { type: 'number', description: 'Required with scale=standard.' },
          std: { type: 'number', exclusiveMinimum: 0, description: 'Required with scale=standard.' },
          output: { type: 'string', enum: OUTPUT_IDS, default: DEFAULT_CHOICES.output },
          visibility: {
            type: 'string',
            enum: ['public', 'private'],
            default: 'public',
            description: 'Applies when the upload creates the model.',
          },
        },
      },
    },
  },
};

/** The document served at /api/v1/openapi.json; `appUrl` is the site's origin. */
export function buildOpenApiDocument(appUrl: string): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tenfold API',
      version: '1.0.0',
      description:
        'Submit image classifiers, follow their scoring and read the MNIST and Fashion-MNIST leaderboards. ' +
        'Authenticate with `Authorization: Bearer tf_...` (create a token at /settings/tokens). ' +
        'Every error answers `{ "error": { "code", "message", "fields"? } }`.',
    },
    servers: [{ url: `${appUrl}/api/v1` }],
    security: TOKEN_OR_ANONYMOUS,
    paths: {
      '/me': {
        get: {
          operationId: 'getMe',
          summary: 'The account the token belongs to',
          security: TOKEN,
          responses: { '200': json('The caller.', ref('Me')), ...errors(401, 429) },
        },
      },
      '/submissions': {
        get: {
          operationId: 'listSubmissions',
          summary: "The caller's own submissions, newest first",
          security: TOKEN,
          parameters: queryParameters(submissionListQuerySchema),
          responses: { '200': json('One page.', page('Submission')), ...errors(400, 401, 429) },
        },
        post: {
          operationId: 'createSubmission',
          summary: 'Upload a model to be scored',
          security: TOKEN,
          requestBody: uploadBody,
          responses: {
            '201': {
              ...json('Stored and queued.', object({ submission: ref('Submission') })),
              headers: { Location: { description: 'The new submission in this API.', schema: { type: 'string' } } },
            },
            ...errors(400, 401, 403, 413, 429, 503),
          },
        },
      },
      '/submissions/{id}': {
        get: {
          operationId: 'getSubmission',
          summary: 'A submission with its status and, once scored, its evaluation',
          parameters: [pathId('id', 'Submission id.')],
          responses: {
            '200': json('The submission.', object({ submission: ref('Submission') })),
            ...errors(401, 404, 429),
          },
        },
      },
      '/submissions/{id}/cancel': {
        post: {
          operationId: 'cancelSubmission',
          summary: 'Cancel a queued or running submission (its owner or an admin)',
          security: TOKEN,
          parameters: [pathId('id', 'Submission id.')],
          responses: {
            '202': json('Cancelled (a running one stops shortly).', object({ submission: ref('Submission') })),
            ...errors(401, 403, 404, 409, 429),
          },
        },
      },
      '/evaluations/{id}': {
        get: {
          operationId: 'getEvaluation',
          summary: "One scoring run's numbers, per-class metrics and confusion matrix",
          parameters: [pathId('id', 'Evaluation id.')],
          responses: {
            '200': json('The evaluation.', object({ evaluation: ref('Evaluation') })),
            ...errors(401, 404, 429),
          },
        },
      },
      '/evaluations/{id}/predictions': {
        get: {
          operationId: 'getPredictions',
          summary: 'The predicted class of every test image',
          parameters: [pathId('id', 'Evaluation id.')],
          responses: {
            '200': {
              description:
                'JSON, or with `Accept: application/octet-stream` one byte per test image in test-set order.',
              content: {
                'application/json': { schema: ref('Predictions') },
                'application/octet-stream': {
                  schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                },
              },
            },
            ...errors(401, 404, 429),
          },
        },
      },
      '/leaderboards/{dataset}': {
        get: {
          operationId: 'getLeaderboard',
          summary: 'One page of a public leaderboard, sorted and filtered as on the site',
          parameters: [datasetParameter, ...queryParameters(leaderboardQuerySchema)],
          responses: {
            '200': json(
              'One page; `rank` is global, whatever the sort.',
              object({
                dataset: ref('Dataset'),
                scorerVersion: { type: 'string', description: 'The scorer version the boards read.' },
                data: { type: 'array', items: ref('LeaderboardEntry') },
                pagination: ref('Pagination'),
              }),
            ),
            ...errors(400, 401, 404, 429),
          },
        },
      },
      '/leaderboards/{dataset}/export': {
        get: {
          operationId: 'exportLeaderboard',
          summary: 'The whole public leaderboard in rank order',
          parameters: [
            datasetParameter,
            {
              name: 'format',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
            },
          ],
          responses: {
            '200': {
              description: 'Every entry.',
              content: {
                'application/json': {
                  schema: object({
                    dataset: ref('Dataset'),
                    scorerVersion: { type: 'string' },
                    data: { type: 'array', items: ref('LeaderboardEntry') },
                  }),
                },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            ...errors(400, 401, 404, 429),
          },
        },
      },
      '/datasets/{dataset}/consensus': {
        get: {
          operationId: 'getImageConsensus',
          summary:
            'Every test image seen through every public model: right answers, the commonest wrong one, the strong models’ vote',
          parameters: [
            datasetParameter,
            {
              name: 'format',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
            },
          ],
          responses: {
            '200': {
              description: 'One row per test image, in test-set order.',
              content: {
                'application/json': { schema: ref('ConsensusExport') },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            ...errors(400, 401, 404, 429),
          },
        },
      },
      '/leaderboards/mnist-vs-fashion': {
        get: {
          operationId: 'getMnistVsFashion',
          summary: 'Public models ranked on both datasets, with their drop on Fashion-MNIST',
          parameters: queryParameters(pairQuerySchema),
          responses: { '200': json('One page.', page('DatasetPair')), ...errors(400, 401, 429) },
        },
      },
      '/compare': {
        get: {
          operationId: 'compareModels',
          summary: "2 to 4 public models on one dataset: per-class recall and McNemar's test per pair",
          parameters: queryParameters(compareQuerySchema).map((parameter) =>
            parameter.name === 'models'
              ? { ...parameter, description: '2 to 4 model ids, separated by commas.' }
              : parameter,
          ),
          responses: {
            '200': json(
              'The models in the order asked, and every pair.',
              object({
                dataset: ref('Dataset'),
                models: { type: 'array', items: ref('ComparedModel') },
                pairs: { type: 'array', items: ref('ComparedPair') },
              }),
            ),
            ...errors(400, 401, 404, 429),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [{}],
          responses: {
            '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token, tf_..., from /settings/tokens.' },
      },
    },
  };
}
