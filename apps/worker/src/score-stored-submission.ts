import { type ScoreResult, scoreArtifact } from '@tenfold/scoring';
import { contractFromSubmission, formatFromSubmission } from './contract-from-submission.ts';
import type { JobDeps, StoredSubmission } from './run-claimed-job.ts';

/**
 * Scores a submission's stored artifact under its declared contract with the worker's inputs and
 * sandbox settings: the one way both a submission's own scoring and a rescore run a model.
 */
export async function scoreStoredSubmission(
  deps: JobDeps,
  submission: StoredSubmission,
  signal: AbortSignal,
  onProgress?: (images: number) => void,
): Promise<ScoreResult> {
  const { notes, ...inputs } = await deps.loadScoringInputs(submission.dataset);
  signal.throwIfAborted();
  const result = await scoreArtifact({
    ...inputs,
    modelBytes: submission.artifact.bytes,
    format: formatFromSubmission(submission),
    contract: contractFromSubmission(submission),
    limits: deps.scoring.limits,
    workDir: deps.scoring.workDir,
    threads: deps.scoring.threads,
    keepWarm: deps.scoring.keepWarm,
    onProgress,
    signal,
  });
  return { ...result, warnings: [...result.warnings, ...notes] };
}
