import 'server-only';
import { createHash } from 'node:crypto';
import { contractToColumns } from '@tenfold/contract';
import { datasetEnumFromId } from '@tenfold/datasets/catalog';
import { countSubmissionsAgainstQuota, createQueuedSubmission, type Db, Prisma } from '@tenfold/db';
import type { ScoreJob } from '@tenfold/queue';
import type { RateLimitDecision } from '@/server/limits/consume-rate-limit';
import { prepareArtifact } from './prepare-artifact.ts';
import {
  isSubmissionErrorCode,
  SUBMISSION_FIELDS,
  type SubmissionErrors,
  type SubmissionField,
} from './submission-errors.ts';
import { type SubmissionInput, submissionFieldsSchema, VISIBILITIES } from './submission-input.ts';
import type { SubmissionFailure } from './submission-refusal.ts';

const ENQUEUE_TIMEOUT_MS = 3_000;
const ORIGINAL_FILENAME_MAX = 200;

export type CreateSubmissionDeps = {
  db: Db;
  /** Adds the scoring job; the real one is `enqueueScoring(queue, job)` from @tenfold/queue. */
  enqueue: (job: ScoreJob) => Promise<unknown>;
  maxUploadBytes: number;
  /** The daily quota, counted in PostgreSQL (see countSubmissionsAgainstQuota). */
  submissionsPerDay: number;
  /** Counts the upload against the submitter's hourly quota; asked only once the upload is valid. */
  checkQuota: () => Promise<RateLimitDecision>;
  enqueueTimeoutMs?: number;
};

export type CreateSubmissionResult =
  | { ok: true; id: string; status: 'QUEUED'; isEnqueued: boolean }
  | SubmissionFailure;

const DAY_MS = 24 * 3600 * 1000;

class DailyQuotaReached extends Error {}

/** The name the user's browser sent, reduced to a base name without control characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return printable.slice(0, ORIGINAL_FILENAME_MAX) || 'model.onnx';
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Validates an upload, stores it under the submitter's model of that name and queues it for
 * scoring. The submission row is committed before the job is added: the job carries only the
 * id, and if Redis is unreachable the row stays QUEUED for the worker's start-up reconciler to
 * enqueue, so no upload is lost.
 */
export async function createSubmission(
  deps: CreateSubmissionDeps,
  submitterId: string,
  input: SubmissionInput,
): Promise<CreateSubmissionResult> {
  const errors: SubmissionErrors = {};
  const fields = submissionFieldsSchema.safeParse(input);
  if (!fields.success) {
    for (const issue of fields.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (SUBMISSION_FIELDS as readonly string[]).includes(field)) {
        errors[field as SubmissionField] ??= isSubmissionErrorCode(issue.message) ? issue.message : 'form_malformed';
      }
    }
  }
  const artifact = await prepareArtifact(input.files ?? (input.file ? [input.file] : []), deps.maxUploadBytes);
  if (!artifact.ok) errors.file = artifact.code;
  if (!fields.success || !artifact.ok) {
    return { ok: false, status: errors.file === 'file_too_large' ? 413 : 400, errors };
  }

  const quota = await deps.checkQuota();
  if (!quota.isAllowed) {
    return { ok: false, status: 429, errors: { form: 'rate_limited' }, retryAfterSeconds: quota.retryAfterSeconds };
  }

  const { dataset, modelName, layout, scale, mean, std, output, visibility } = fields.data;
  const { bytes, format } = artifact;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const originalFilename = cleanFilename(artifact.filename);

  const store = () =>
    deps.db.$transaction(async (tx) => {
      // One upload at a time per user, so two concurrent uploads cannot both take the last slot.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${submitterId}))`;
      const used = await countSubmissionsAgainstQuota(tx, submitterId, new Date(Date.now() - DAY_MS));
      if (used >= deps.submissionsPerDay) throw new DailyQuotaReached();
      // Content-addressed: the same bytes uploaded twice are stored once.
      await tx.artifact.upsert({
        where: { sha256 },
        create: { sha256, sizeBytes: bytes.byteLength, bytes },
        update: {},
        select: { sha256: true },
      });
      const model = await tx.model.upsert({
        where: { ownerId_name: { ownerId: submitterId, name: modelName } },
        create: { ownerId: submitterId, name: modelName, visibility: VISIBILITIES[visibility] },
        update: {},
        select: { id: true },
      });
      return createQueuedSubmission(tx, {
        modelId: model.id,
        submitterId,
        dataset: datasetEnumFromId(dataset),
        format,
        artifactSha256: sha256,
        originalFilename,
        ...contractToColumns({ layout, scale, mean, std, output }),
      });
    });

  // Two first-time uploads of the same model or bytes can race on a unique key; the
  // loser's retry finds the winner's row.
  const submission = await store()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return store();
      throw error;
    })
    .catch((error: unknown) => {
      if (error instanceof DailyQuotaReached) return null;
      throw error;
    });
  if (!submission) {
    return { ok: false, status: 429, errors: { form: 'daily_quota' }, retryAfterSeconds: 3600 };
  }

  let isEnqueued = true;
  try {
    await withTimeout(deps.enqueue({ submissionId: submission.id }), deps.enqueueTimeoutMs ?? ENQUEUE_TIMEOUT_MS);
  } catch (error) {
    isEnqueued = false;
    console.warn(
      `[tenfold] submission ${submission.id} saved but not enqueued (${error instanceof Error ? error.message : String(error)}); the worker re-enqueues QUEUED rows when it starts`,
    );
  }
  return { ok: true, id: submission.id, status: 'QUEUED', isEnqueued };
}
