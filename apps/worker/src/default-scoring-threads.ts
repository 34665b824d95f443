import { availableParallelism } from 'node:os';

/**
 * ONNX Runtime's intra-op threads per scoring process when SCORING_THREADS is not set: the
 * machine's cores shared among the jobs the process runs at once. Measured on the project's
 * 2-core machine (BENCHMARKS.md, "Threads"): with one job at a time, 2 threads ranked the ResNet
 * in about 0.6x the time of 1 and never changed a prediction; more threads than cores per job
 * only make the jobs' threads wait on one another. Several worker processes on one machine
 * should set it (cores / total jobs).
 */
export function defaultScoringThreads(concurrency: number, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / concurrency));
}
