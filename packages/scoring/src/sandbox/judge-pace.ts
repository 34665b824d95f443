import { ModelError } from '../errors.ts';

/**
 * Room each phase's images get on top of their share of the wall time: the first batch pays the
 * engine's warm-up (first-run allocations, kernel selection; here the first 300 images of the
 * fixture CNN took 5 times as long per image as the next 10,000), a cost that does not grow with
 * the number of images. Model loading is not timed by the phase deadline at all.
 */
export const WARM_UP_ALLOWANCE_MS = 5_000;
/**
 * A run is refused on an estimate only when the estimate is this many times the limit, so that
 * noise (a busy machine during the few hundred sanity images, warm-up in a short phase) can never
 * refuse a model that would have finished: between 1x and this, the wall-time limit decides.
 */
export const PACE_MARGIN = 1.5;
/** A phase still running after this many times its share (plus the allowance) is stopped. */
export const PHASE_DEADLINE_FACTOR = 2;

const MINUTE_MS = 60_000;

/** "about 7 min" style: minutes once they mean something, seconds for short (test) limits. */
export function formatDuration(ms: number): string {
  if (ms >= 2 * MINUTE_MS) return `${Math.round(ms / MINUTE_MS).toLocaleString('en')} min`;
  return `${Math.max(1, Math.round(ms / 1000)).toLocaleString('en')} s`;
}

/**
 * How long a phase of `phaseImages` may run before the parent stops it: its share of the wall
 * time if every image costs the same, times PHASE_DEADLINE_FACTOR, plus the warm-up allowance.
 * A phase that overruns this would, at its own speed, need more than twice the limit for the
 * whole run, so stopping it refuses nothing that could finish; it is what stops a model that
 * hangs (a Loop that never ends) seconds into the sanity pass instead of at the wall-time limit.
 */
export function phaseDeadlineMs(phaseImages: number, runImages: number, wallTimeMs: number): number {
  return WARM_UP_ALLOWANCE_MS + (PHASE_DEADLINE_FACTOR * wallTimeMs * phaseImages) / Math.max(1, runImages);
}

/** The refusal of a phase that overran its deadline (the speed is an upper bound). */
export function overrunError(input: {
  phaseImages: number;
  elapsedMs: number;
  remainingImages: number;
  wallTimeMs: number;
}): ModelError {
  const estimate = (input.remainingImages * input.elapsedMs) / input.phaseImages;
  return new ModelError(
    `The model had not finished ${input.phaseImages.toLocaleString('en')} images after ${formatDuration(input.elapsedMs)}: at this speed ${input.remainingImages.toLocaleString('en')} images would take more than ${formatDuration(estimate)}; the limit is ${formatDuration(input.wallTimeMs)}. It was stopped; make the model smaller or faster (a Loop or recursion that never ends looks like this too).`,
  );
}

/**
 * After a phase: would the images still to run, at the speed the phases so far showed, end past
 * the limit (with PACE_MARGIN to spare)? If so the run is refused now, with the estimate, rather
 * than holding a worker until the wall-time limit stops it.
 */
export function judgePace(input: {
  /** Since the run started (model load and finished phases). */
  elapsedMs: number;
  /** Inference time per image of the fastest finished phase (model load excluded). */
  perImageMs: number;
  /** Images that speed was measured on. */
  measuredImages: number;
  /** Images of the phases still to come (they reuse the loaded model: no load to add). */
  remainingImages: number;
  wallTimeMs: number;
}): ModelError | null {
  if (input.remainingImages === 0) return null;
  const remainingMs = input.remainingImages * input.perImageMs;
  if (input.elapsedMs + remainingMs <= PACE_MARGIN * input.wallTimeMs) return null;
  const perImage = input.perImageMs < 10 ? input.perImageMs.toFixed(2) : Math.round(input.perImageMs);
  return new ModelError(
    `The model is too slow to finish: it took ${perImage} ms per image on ${input.measuredImages.toLocaleString('en')} images, and at this speed ${input.remainingImages.toLocaleString('en')} images would take about ${formatDuration(remainingMs)}; the limit is ${formatDuration(input.wallTimeMs)}. It was stopped; make the model smaller or faster.`,
  );
}
