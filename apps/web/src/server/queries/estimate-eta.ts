export type EtaInput = {
  status: 'QUEUED' | 'RUNNING';
  /** QUEUED only: submissions queued before this one. */
  queuedAhead: number;
  /** Mean scoring time of recent evaluations; null when nothing was scored yet. */
  meanDurationMs: number | null;
  /** Jobs the live workers take at once (the sum of their concurrency). */
  parallelism: number;
  /** RUNNING only: time since scoring started. */
  elapsedMs: number;
};

/**
 * Milliseconds until a queued or running submission is likely scored, from recent throughput:
 * a running one needs what the mean job takes minus what it already ran; a queued one waits for
 * the submissions ahead of it to go through the workers' lanes, then takes a mean job itself.
 * Null when there is no recent evaluation to learn from.
 */
export function estimateEtaMs(input: EtaInput): number | null {
  if (input.meanDurationMs === null) return null;
  if (input.status === 'RUNNING') return Math.max(0, input.meanDurationMs - input.elapsedMs);
  const lanes = Math.max(1, input.parallelism);
  return (Math.floor(input.queuedAhead / lanes) + 1) * input.meanDurationMs;
}
