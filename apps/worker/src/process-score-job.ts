import type { Db } from '@tenfold/db';
import { isModelError, type SandboxLimits, SCORER_VERSION, type ScoringDataset, scoreArtifact } from '@tenfold/scoring';
import { contractFromSubmission, formatFromSubmission } from './contract-from-submission.ts';
import type { ScoringInputs } from './load-scoring-inputs.ts';

/** How often progress is written to PostgreSQL while a model runs. */
const PROGRESS_INTERVAL_MS = 250;

export type ScoreJobDeps = {
  db: Db;
  workerId: string;
  loadScoringInputs: (dataset: 'MNIST' | 'FASHION_MNIST') => Promise<ScoringInputs>;
  scoring: { limits: SandboxLimits; workDir: string; threads: number };
};

export type ScoreJobAttempt = { submissionId: string; attempt: number; maxAttempts: number };

export type ScoreJobOutcome = 'scored' | 'failed' | 'skipped';

const FINAL = new Set(['SCORED', 'FAILED', 'CANCELLED']);

/**
 * Scores one submission and records the outcome in PostgreSQL. Idempotent: a job for a
 * submission already in a final state does nothing, and the evaluation is upserted per
 * (submission, scorer version), so a job that runs twice leaves one result.
 * Model errors end the submission as FAILED; platform errors are rethrown for BullMQ to
 * retry, and only the last attempt marks the submission FAILED (without counting it
 * against the submitter's quota).
 */
export async function processScoreJob(deps: ScoreJobDeps, job: ScoreJobAttempt): Promise<ScoreJobOutcome> {
  const { db } = deps;
  const submission = await db.submission.findUnique({
    where: { id: job.submissionId },
    include: { artifact: { select: { bytes: true } } },
  });
  if (!submission || FINAL.has(submission.status)) return 'skipped';

  await db.submission.update({
    where: { id: submission.id },
    data: {
      status: 'RUNNING',
      statusReason: null,
      startedAt: new Date(),
      heartbeatAt: new Date(),
      workerId: deps.workerId,
      progressImages: 0,
      attempts: { increment: 1 },
    },
  });

  let lastProgressWrite = 0;
  const onProgress = (imagesDone: number) => {
    const now = Date.now();
    if (now - lastProgressWrite < PROGRESS_INTERVAL_MS) return;
    lastProgressWrite = now;
    void db.submission
      .update({ where: { id: submission.id }, data: { progressImages: imagesDone, heartbeatAt: new Date() } })
      .catch(() => undefined);
  };

  try {
    const inputs = await deps.loadScoringInputs(submission.dataset);
    const result = await scoreArtifact({
      ...inputs,
      modelBytes: submission.artifact.bytes,
      format: formatFromSubmission(submission),
      contract: contractFromSubmission(submission),
      limits: deps.scoring.limits,
      workDir: deps.scoring.workDir,
      threads: deps.scoring.threads,
      onProgress,
    });
    const evaluation = {
      scorerVersion: result.scorerVersion,
      backend: result.backend,
      backendVersion: result.backendVersion,
      datasetSha256: result.datasetSha256,
      modelSha256: result.modelSha256,
      total: result.total,
      correct: result.correct,
      accuracy: result.accuracy,
      accuracyCiLow: result.accuracyCiLow,
      accuracyCiHigh: result.accuracyCiHigh,
      perClassRecall: result.perClassRecall,
      perClassPrecision: result.perClassPrecision,
      perClassF1: result.perClassF1,
      confusionMatrix: result.confusionMatrix,
      predictions: Buffer.from(result.predictions),
      shiftedAccuracy: result.shiftedAccuracy,
      warnings: result.warnings,
      artifactBytes: result.artifactBytes,
      imagesPerSecond: result.imagesPerSecond,
      meanLatencyMs: result.meanLatencyMs,
      durationMs: result.durationMs,
    };
    await db.$transaction([
      db.evaluation.upsert({
        where: { submissionId_scorerVersion: { submissionId: submission.id, scorerVersion: SCORER_VERSION } },
        create: { submissionId: submission.id, ...evaluation },
        update: evaluation,
      }),
      db.submission.update({
        where: { id: submission.id },
        data: {
          status: 'SCORED',
          statusReason: null,
          failureKind: null,
          progressImages: result.total,
          finishedAt: new Date(),
        },
      }),
    ]);
    return 'scored';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isModelError(error)) {
      await db.submission.update({
        where: { id: submission.id },
        data: { status: 'FAILED', failureKind: 'MODEL', statusReason: message, finishedAt: new Date() },
      });
      return 'failed';
    }
    const isLastAttempt = job.attempt >= job.maxAttempts;
    await db.submission.update({
      where: { id: submission.id },
      data: isLastAttempt
        ? {
            status: 'FAILED',
            failureKind: 'PLATFORM',
            countsAgainstQuota: false,
            finishedAt: new Date(),
            statusReason: `Tenfold could not score this submission because of a fault on our side (${message}), after ${job.attempt} attempts. It does not count against your quota; an admin can retry it.`,
          }
        : { status: 'QUEUED', statusReason: `Retrying after a fault on our side: ${message}` },
    });
    throw error;
  }
}
