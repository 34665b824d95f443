import { type ScoringRun, startScoring } from '@tenfold/scoring';
import { contractFromSubmission, formatFromSubmission } from './contract-from-submission.ts';
import type { JobDeps, StoredSubmission } from './run-claimed-job.ts';

/**
 * Starts scoring a submission's stored artifact under its declared contract with the worker's
 * inputs and sandbox settings: the one way both a submission's own scoring and a rescore run a
 * model. The rank comes first (`ranked`), the shifted-copy check after it (see startScoring).
 */
export async function scoreStoredSubmission(
  deps: JobDeps,
  submission: StoredSubmission,
  signal: AbortSignal,
  onProgress?: (images: number) => void,
): Promise<ScoringRun> {
  const { notes, ...inputs } = await deps.loadScoringInputs(submission.dataset);
  signal.throwIfAborted();
  const run = startScoring({
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
  const ranked = run.ranked.then((result) => ({ ...result, warnings: [...result.warnings, ...notes] }));
  return { ...run, ranked };
}
