import 'server-only';
import { createHash } from 'node:crypto';
import { datasetEnumFromId } from '@tenfold/datasets/catalog';
import { COMMUNITY_USER, type Db, Prisma } from '@tenfold/db';
import type { ScoreJob } from '@tenfold/queue';
import { looksLikeOnnx } from './looks-like-onnx.ts';
import {
  isSubmissionErrorCode,
  SUBMISSION_FIELDS,
  type SubmissionErrorCode,
  type SubmissionErrors,
  type SubmissionField,
} from './submission-errors.ts';
import {
  LAYOUTS,
  OUTPUTS,
  SCALES,
  type SubmissionInput,
  submissionFieldsSchema,
  type UploadedFile,
} from './submission-input.ts';

const ENQUEUE_TIMEOUT_MS = 3_000;
const ORIGINAL_FILENAME_MAX = 200;

export type CreateSubmissionDeps = {
  db: Db;
  /** Adds the scoring job; the real one is `enqueueScoring(queue, job)` from @tenfold/queue. */
  enqueue: (job: ScoreJob) => Promise<unknown>;
  maxUploadBytes: number;
  enqueueTimeoutMs?: number;
};

export type CreateSubmissionResult =
  | { ok: true; id: string; status: 'QUEUED'; isEnqueued: boolean }
  | { ok: false; httpStatus: 400 | 413; errors: SubmissionErrors };

function checkFile(file: UploadedFile | null | undefined, maxUploadBytes: number): SubmissionErrorCode | undefined {
  // Browsers send an empty, unnamed part when no file was chosen.
  if (!file || (file.name === '' && file.bytes.byteLength === 0)) return 'file_missing';
  if (file.bytes.byteLength === 0) return 'file_empty';
  if (file.bytes.byteLength > maxUploadBytes) return 'file_too_large';
  if (!looksLikeOnnx(file.bytes)) return 'file_not_onnx';
  return undefined;
}

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
 * Validates an upload, stores it and queues it for scoring. The submission row is committed
 * before the job is added: the job carries only the id, and if Redis is unreachable the row
 * stays QUEUED for the worker's start-up reconciler to enqueue, so no upload is lost.
 */
export async function createSubmission(
  deps: CreateSubmissionDeps,
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
  const fileError = checkFile(input.file, deps.maxUploadBytes);
  if (fileError) errors.file = fileError;
  if (!fields.success || !input.file || fileError) {
    return { ok: false, httpStatus: fileError === 'file_too_large' ? 413 : 400, errors };
  }

  const { dataset, modelName, layout, scale, mean, std, output } = fields.data;
  const { bytes } = input.file;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const originalFilename = cleanFilename(input.file.name);

  const store = () =>
    deps.db.$transaction(async (tx) => {
      // Until accounts exist every upload belongs to the community user, created on first use.
      const owner = await tx.user.upsert({
        where: { email: COMMUNITY_USER.email },
        create: { ...COMMUNITY_USER },
        update: {},
        select: { id: true },
      });
      // Content-addressed: the same bytes uploaded twice are stored once.
      await tx.artifact.upsert({
        where: { sha256 },
        create: { sha256, sizeBytes: bytes.byteLength, bytes },
        update: {},
        select: { sha256: true },
      });
      const model = await tx.model.upsert({
        where: { ownerId_name: { ownerId: owner.id, name: modelName } },
        create: { ownerId: owner.id, name: modelName },
        update: {},
        select: { id: true },
      });
      return tx.submission.create({
        data: {
          modelId: model.id,
          submitterId: owner.id,
          dataset: datasetEnumFromId(dataset),
          format: 'ONNX',
          artifactSha256: sha256,
          originalFilename,
          inputLayout: LAYOUTS[layout],
          inputScale: SCALES[scale],
          inputMean: mean ?? null,
          inputStd: std ?? null,
          outputKind: OUTPUTS[output],
          status: 'QUEUED',
        },
        select: { id: true },
      });
    });

  // Two first-time uploads of the same user, model or bytes can race on a unique key; the
  // loser's retry finds the winner's row.
  const submission = await store().catch((error: unknown) => {
    if (isUniqueViolation(error)) return store();
    throw error;
  });

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
