import { availableParallelism } from 'node:os';

/**
 * ONNX Runtime's intra-op threads per scoring process when SCORING_THREADS is not set: the
 * machine's cores shared among the jobs the process runs at once (2 on the project's 2-core
 * machine with one job at a time). On that machine, idle, bare ONNX Runtime ran the ResNet
 * fastest at 2 threads (2.3 s against Tenfold's 5.5 s at 1); threads beyond the cores per job only
 * wait on one another. Predictions are the same at 1 and 2 threads (tests/pytorch-agreement and
 * bench:scoring check them). Several worker processes on one machine, or a machine busy with
 * other work, should set it (cores / all jobs at once; 1 when shared: BENCHMARKS.md, "Threads").
 */
export function defaultScoringThreads(concurrency: number, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / concurrency));
}
