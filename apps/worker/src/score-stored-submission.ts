import { contractFromColumns } from '@tenfold/contract';
import { type ScoreResult, scoreArtifact } from '@tenfold/scoring';
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
  return { ...result, warnings: [...result.warnings, ...notes] };
}
