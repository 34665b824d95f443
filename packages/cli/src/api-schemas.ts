import { z } from 'zod';

// The parts of REST API v1's answers (docs: /api/v1/openapi.json) that the CLI reads. Loose
// objects: fields added to the API later pass through to --json output untouched.

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const meSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
});
export type Me = z.infer<typeof meSchema>;

const perClassSchema = z.looseObject({
  label: z.number(),
  name: z.string(),
  recall: z.number(),
  precision: z.number(),
  f1: z.number(),
  support: z.number(),
});

const evaluationSchema = z.looseObject({
  id: z.string(),
  accuracy: z.number(),
  accuracyCiLow: z.number(),
  accuracyCiHigh: z.number(),
  correct: z.number(),
  total: z.number(),
  backend: z.string(),
  backendVersion: z.string(),
  scorerVersion: z.string(),
  warnings: z.array(z.string()).default([]),
  perClass: z.array(perClassSchema),
});

export const FINAL_STATUSES = ['SCORED', 'FAILED', 'CANCELLED'] as const;

export const submissionSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  modelName: z.string(),
  dataset: z.string(),
  format: z.string(),
  visibility: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'SCORED', 'FAILED', 'CANCELLED']),
  statusReason: z.string().nullable(),
  failureKind: z.enum(['MODEL', 'PLATFORM']).nullable(),
  progress: z.object({ images: z.number(), total: z.number() }).nullable().default(null),
  queuePosition: z.number().nullable().default(null),
  createdAt: z.string(),
  evaluation: evaluationSchema.nullable(),
  rank: z.number().nullable().default(null),
  rankIsShared: z.boolean().nullable().default(null),
});
export type Submission = z.infer<typeof submissionSchema>;

export const submissionResponseSchema = z.object({ submission: submissionSchema });

const paginationSchema = z.looseObject({
  page: z.number(),
  perPage: z.number(),
  total: z.number(),
  pageCount: z.number(),
});

export const submissionListSchema = z.looseObject({
  data: z.array(submissionSchema),
  pagination: paginationSchema,
});

const leaderboardEntrySchema = z.looseObject({
  rank: z.number(),
  tied: z.boolean(),
  modelName: z.string(),
  // The contract names the field without fixing its shape: a name, or an object with one.
  submitter: z.unknown(),
  format: z.string(),
  accuracy: z.number(),
  accuracyCiLow: z.number(),
  accuracyCiHigh: z.number(),
  parameterCount: z.number().nullable(),
  artifactBytes: z.number().nullable(),
  meanLatencyMs: z.number().nullable(),
  isBaseline: z.boolean(),
});

export const leaderboardSchema = z.looseObject({
  dataset: z.string(),
  scorerVersion: z.string().nullable(),
  data: z.array(leaderboardEntrySchema),
  pagination: paginationSchema,
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;
