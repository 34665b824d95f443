import { DATASET_IDS } from '@tenfold/datasets/catalog';
import { z } from 'zod';
import { PAIR_SORT_KEYS } from '@/server/analysis/pair-dataset-results';
import { REFUSAL_CODES } from '@/server/http/refusal';
import { SIZE_BUCKETS, SORT_KEYS } from '@/server/leaderboard/leaderboard-query';

// The shapes of /api/v1, once: the serialisers' types are z.infer of these, and the OpenAPI
// document's components are z.toJSONSchema of the same objects (see openapi-document.ts).

/** Schemas registered here become `#/components/schemas/<id>` in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const timestamp = z.iso.datetime();
const count = z.int().min(0);
const share = z.number().min(0).max(1);
const SUBMISSION_STATUSES = ['QUEUED', 'RUNNING', 'SCORED', 'FAILED', 'CANCELLED'] as const;
const MODEL_FORMATS = ['ONNX', 'TFJS_LAYERS', 'TFJS_GRAPH'] as const;

export const datasetSchema = z.enum(DATASET_IDS).register(apiSchemas, { id: 'Dataset' });

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(REFUSAL_CODES),
      message: z.string().describe('What is wrong and what to do about it.'),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe('Input errors only: one sentence per form field or query parameter.'),
    }),
  })
  .register(apiSchemas, { id: 'Error' });

export const paginationSchema = z
  .object({ page: z.int().min(1), perPage: z.int().min(1).max(100), total: count, pageCount: z.int().min(1) })
  .register(apiSchemas, { id: 'Pagination' });

export const meSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(['USER', 'ADMIN']) })
  .register(apiSchemas, { id: 'Me' });

export const perClassMetricSchema = z
  .object({
    label: z.int().min(0).max(9),
    name: z.string(),
    recall: share,
    precision: share,
    f1: share,
    support: count.describe('Test images of this class.'),
  })
  .register(apiSchemas, { id: 'PerClassMetric' });

export const evaluationSchema = z
  .object({
    id: z.string(),
    submissionId: z.string(),
    scorerVersion: z.string(),
    backend: z.string(),
    backendVersion: z.string(),
    accuracy: share,
    accuracyCiLow: share.describe('95% Wilson interval, lower bound.'),
    accuracyCiHigh: share,
    correct: count,
    total: count,
    shiftedAccuracy: share.nullable().describe('Accuracy on the test images moved one pixel right.'),
    parameterCount: count.nullable(),
    artifactBytes: count,
    meanLatencyMs: z.number().min(0),
    imagesPerSecond: z.number().min(0),
    durationMs: count,
    warnings: z.array(z.string()),
    createdAt: timestamp,
    perClass: z.array(perClassMetricSchema),
    confusionMatrix: z.array(z.array(count)).describe('10x10: row = true class, column = predicted class.'),
  })
  .register(apiSchemas, { id: 'Evaluation' });

export const submissionSchema = z
  .object({
    id: z.string(),
    url: z.url().describe("The submission's page on the site."),
    modelId: z.string(),
    modelName: z.string(),
    dataset: datasetSchema,
    format: z.enum(MODEL_FORMATS),
    visibility: z.enum(['PUBLIC', 'PRIVATE']),
    status: z.enum(SUBMISSION_STATUSES).describe('Final states: SCORED, FAILED, CANCELLED.'),
    statusReason: z.string().nullable(),
    failureKind: z.enum(['MODEL', 'PLATFORM']).nullable(),
    progress: z.object({ images: count, total: count }),
    queuePosition: z.int().min(1).nullable().describe('QUEUED only: 1 is next to be scored.'),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    evaluation: evaluationSchema.nullable(),
    rank: z
      .int()
      .min(1)
      .nullable()
      .describe("The model's rank on the dataset's public board when this submission is its entry."),
    rankIsShared: z
      .boolean()
      .nullable()
      .describe('Other models share the rank (not significantly different); the site writes it "3 =".'),
  })
  .register(apiSchemas, { id: 'Submission' });

export const leaderboardEntrySchema = z
  .object({
    rank: z.int().min(1).describe('The rank shown: tied entries share the rank of the first of their group.'),
    position: z.int().min(1).describe('Unique position by accuracy (earlier submission first on equal accuracy).'),
    tied: z.boolean().describe('Tied with the entry above: their 95% Wilson intervals overlap.'),
    modelId: z.string(),
    modelName: z.string(),
    submissionId: z.string(),
    isBaseline: z.boolean(),
    submitter: z.string(),
    format: z.enum(MODEL_FORMATS),
    accuracy: share,
    accuracyCiLow: share,
    accuracyCiHigh: share,
    parameterCount: count.nullable(),
    artifactBytes: count,
    meanLatencyMs: z.number().min(0),
    imagesPerSecond: z.number().min(0),
    submittedAt: timestamp,
    scorerVersion: z.string(),
  })
  .register(apiSchemas, { id: 'LeaderboardEntry' });

const datasetResultSchema = z.object({ accuracy: share, rank: z.int().min(1), submissionId: z.string() });

export const datasetPairSchema = z
  .object({
    modelId: z.string(),
    modelName: z.string(),
    isBaseline: z.boolean(),
    submitter: z.string(),
    mnist: datasetResultSchema,
    fashionMnist: datasetResultSchema,
    drop: z.number().describe('MNIST accuracy minus Fashion-MNIST accuracy.'),
  })
  .register(apiSchemas, { id: 'DatasetPair' });

export const comparedModelSchema = leaderboardEntrySchema
  .extend({
    perClassRecall: z.array(share).describe('Recall of each class, in class order.'),
    confusionMatrix: z.array(z.array(count)),
  })
  .register(apiSchemas, { id: 'ComparedModel' });

export const comparedPairSchema = z
  .object({
    firstModelId: z.string(),
    secondModelId: z.string(),
    onlyFirstRight: count,
    onlySecondRight: count,
    method: z.enum(['exact', 'chi-square']),
    statistic: z.number().nullable(),
    pValue: share.describe("McNemar's test, two-sided."),
  })
  .register(apiSchemas, { id: 'ComparedPair' });

// Query parameters. Unlike the site's hand-edited URLs, a bad value is an error, not a default.

const page = z.coerce.number('Give page as a whole number from 1.').int('Give page as a whole number from 1.');
export const paginationQuerySchema = z.object({
  page: page.min(1, 'Give page as a whole number from 1.').max(100_000, 'Give page of at most 100000.').default(1),
  perPage: z.coerce
    .number('Give perPage as a whole number from 1 to 100.')
    .int('Give perPage as a whole number from 1 to 100.')
    .min(1, 'Give perPage as a whole number from 1 to 100.')
    .max(100, 'Give perPage as a whole number from 1 to 100.')
    .default(50),
});

export const submissionListQuerySchema = paginationQuerySchema.extend({
  dataset: z.enum(DATASET_IDS, 'Choose dataset mnist or fashion-mnist.').optional(),
  status: z.enum(SUBMISSION_STATUSES, `Choose status ${SUBMISSION_STATUSES.join(', ')}.`).optional(),
});

export const leaderboardQuerySchema = paginationQuerySchema.extend({
  sort: z.enum(SORT_KEYS, `Choose sort ${SORT_KEYS.join(', ')}.`).default('rank'),
  dir: z.enum(['asc', 'desc'], 'Choose dir asc or desc.').optional(),
  format: z.enum(MODEL_FORMATS, `Choose format ${MODEL_FORMATS.join(', ')}.`).optional(),
  size: z
    .enum(
      Object.keys(SIZE_BUCKETS) as [keyof typeof SIZE_BUCKETS],
      `Choose size ${Object.keys(SIZE_BUCKETS).join(', ')}.`,
    )
    .optional(),
});

export const pairQuerySchema = paginationQuerySchema.extend({
  sort: z.enum(PAIR_SORT_KEYS, `Choose sort ${PAIR_SORT_KEYS.join(', ')}.`).default('drop'),
  dir: z.enum(['asc', 'desc'], 'Choose dir asc or desc.').optional(),
});

export type ApiSubmission = z.infer<typeof submissionSchema>;
export type ApiEvaluation = z.infer<typeof evaluationSchema>;
export type ApiLeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;
export type ApiDatasetPair = z.infer<typeof datasetPairSchema>;
export type ApiComparedModel = z.infer<typeof comparedModelSchema>;
export type ApiComparedPair = z.infer<typeof comparedPairSchema>;
export type ApiMe = z.infer<typeof meSchema>;
export type ApiPagination = z.infer<typeof paginationSchema>;

export const predictionsSchema = z
  .object({
    predictions: z.array(z.int().min(0).max(9)).describe('Predicted class of each test image, in test-set order.'),
    labels: z.array(z.int().min(0).max(9)).describe('True class of each test image.'),
  })
  .register(apiSchemas, { id: 'Predictions' });

export const compareQuerySchema = z.object({
  dataset: z.enum(DATASET_IDS, 'Choose dataset mnist or fashion-mnist.'),
  models: z
    .string('Give models as 2 to 4 model ids separated by commas.')
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string()).min(2, 'Give at least 2 different model ids.').max(4, 'Give at most 4 model ids.')),
});

export const imageConsensusSchema = z
  .object({
    imageIndex: z.int().min(0).describe('Position in the test split (test-set order).'),
    label: z.int().min(0).max(9).describe('The official label; never changed by the consensus or by flags.'),
    modelsCounted: count.describe('Public models counted: each once, through its leaderboard entry.'),
    correctCount: count.describe('Counted models that predict the label.'),
    agreement: share.describe('correctCount / modelsCounted (0 when no model is counted).'),
    topWrongClass: z.int().min(0).max(9).nullable().describe('The most common wrong answer (lowest class on a tie).'),
    topWrongCount: count,
    strongCount: count.describe('Counted models among the strongest of the board.'),
    strongTopClass: z.int().min(0).max(9).nullable().describe("The strong models' most common answer."),
    strongTopCount: count,
    votes: z.array(count).length(10).describe('votes[k]: counted models that predict class k.'),
  })
  .register(apiSchemas, { id: 'ImageConsensus' });

export const consensusExportSchema = z
  .object({
    dataset: datasetSchema,
    modelsCounted: count,
    strongModels: z.int().min(1).describe('How many of the best board entries count as strong models.'),
    updatedAt: timestamp.nullable().describe('When the consensus last changed; null before the first model.'),
    data: z.array(imageConsensusSchema),
  })
  .register(apiSchemas, { id: 'ConsensusExport' });

export const consensusQuerySchema = z.object({
  format: z.enum(['json', 'csv'], 'Choose format json or csv.').default('json'),
});

export type ApiImageConsensus = z.infer<typeof imageConsensusSchema>;
export type ApiConsensusExport = z.infer<typeof consensusExportSchema>;
