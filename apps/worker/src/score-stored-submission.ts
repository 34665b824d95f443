import { contractFromColumns } from '@tenfold/contract';
import { type ScoringRun, startScoring } from '@tenfold/scoring';
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
    // TF.js LayersModels and GraphModels share one scorer, which reads the kind from model.json.
    format: submission.format === 'ONNX' ? 'onnx' : 'tfjs',
    contract: contractFromColumns(submission),
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
