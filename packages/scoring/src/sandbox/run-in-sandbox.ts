import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { CLASS_COUNT } from '@tenfold/contract';
import { ModelError } from '../errors.ts';
import { judgePace, overrunError, phaseDeadlineMs } from './judge-pace.ts';
import type {
  PhaseResult,
  SandboxMessage,
  SandboxPhase,
  SandboxPlan,
  SandboxRequest,
  WirePhase,
} from './sandbox-protocol.ts';
import { keepImagesReady, takeSandboxChild } from './spawn-sandbox-child.ts';

export type SandboxLimits = {
  /** Wall time for loading and running the model on every image. */
  wallTimeMs: number;
  /** Resident memory of the scoring process, native allocations (ONNX Runtime) included. */
  memoryMb: number;
};

export type SandboxResult = Map<string, PhaseResult>;

export type SandboxOptions = {
  workDir: string;
  onProgress?: (phase: string, imagesDone: number) => void;
  /**
   * Called as each phase finishes, with the phase that runs next (after the plan); returning an
   * error stops the run with that error.
   */
  onPhase?: (result: PhaseResult, results: SandboxResult, next: SandboxPhase | undefined) => Error | null;
  /** Before the first conditional phase: the names of those not to run, from the results so far. */
  planPhases?: (results: SandboxResult) => string[];
  signal?: AbortSignal;
  /** Keep a started child ready for the next run (workers); one-off callers leave it off. */
  keepWarm?: boolean;
  /**
   * With keepWarm: given the function that starts the next run's child now, once this run's child
   * is taken; not called, the next child starts when this run ends.
   */
  onSpareStarter?: (startSpare: () => void) => void;
};

const MEMORY_POLL_MS = 100;

function checkPhaseResult(message: PhaseResult, request: SandboxRequest): string | null {
  const phase = request.phases.find((candidate) => candidate.name === message.phase);
  if (!phase) return `unknown phase ${String(message.phase)}`;
  if (!(message.predictions instanceof Uint8Array) || message.predictions.length !== phase.count) {
    return `phase ${phase.name} needs ${phase.count} predictions`;
  }
  if (message.predictions.some((label) => label >= CLASS_COUNT)) return 'a predicted class is out of range';
  const isDuration = (ms: unknown) => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
  if (!isDuration(message.inferenceMs) || !isDuration(message.loadMs)) return 'its timings are not durations';
  const { steady } = message;
  if (
    steady !== undefined &&
    (!isDuration(steady.inferenceMs) ||
      !Number.isInteger(steady.images) ||
      steady.images < 1 ||
      steady.images > phase.count)
  ) {
    return 'its steady-speed timing is not valid';
  }
  return null;
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/**
 * Runs one scoring request in a child process so that a hostile or broken model can only
 * take down that process: the caller's event loop (and BullMQ's lock renewal) keeps running,
 * and limits are enforced from outside by killing the child.
 */
export async function runInSandbox(
  request: SandboxRequest,
  limits: SandboxLimits,
  options: SandboxOptions,
): Promise<SandboxResult> {
  const keepWarm = options.keepWarm ?? false;
  // A worker's images are its cached arrays, the same for each job: its spares read them ahead.
  if (keepWarm) {
    keepImagesReady(
      options.workDir,
      request.phases.map((phase) => phase.images),
    );
  }
  const sandbox = await takeSandboxChild(options.workDir, limits.memoryMb, keepWarm);
  options.onSpareStarter?.(sandbox.startSpare);
  try {
    const wire: WirePhase[] = request.phases.map((phase) => {
      const id = sandbox.preloaded.get(phase.images);
      return id === undefined ? phase : { ...phase, images: { preloaded: id } };
    });
    return await superviseChild(sandbox.child, request, wire, limits, options);
  } finally {
    await sandbox.dispose();
  }
}

function superviseChild(
  child: ChildProcess,
  request: SandboxRequest,
  wire: WirePhase[],
  limits: SandboxLimits,
  options: SandboxOptions,
): Promise<SandboxResult> {
  return new Promise((resolve, reject) => {
    const results: SandboxResult = new Map();
    let isEngineReady = false;
    let settled: SandboxResult | Error | null = null;
    let stderr = '';
    const started = performance.now();
    // Deadlines share the wall time among every phase that may run, skipped ones included: a
    // phase's deadline is known before the plan is.
    const runImages = request.phases.reduce((sum, phase) => sum + phase.count, 0);
    // The phases still to run, in order: the child runs them so, skipping what the plan skips.
    let pending = [...request.phases];
    let isPlanSent = false;
    let phaseTimer: NodeJS.Timeout | undefined;
    const settle = (outcome: SandboxResult | Error) => {
      settled ??= outcome;
      clearTimeout(phaseTimer);
      child.kill('SIGKILL');
    };
    // Each phase's images get a deadline from their number (see judge-pace.ts), so a model that
    // hangs is stopped inside the first sanity phase instead of at the wall-time limit.
    const startPhaseClock = () => {
      clearTimeout(phaseTimer);
      const phase = pending[0];
      if (!phase || settled) return;
      const phaseStarted = performance.now();
      const remainingImages = (isPlanSent ? pending : request.phases.slice(request.phases.indexOf(phase))).reduce(
        (sum, next) => sum + next.count,
        0,
      );
      phaseTimer = setTimeout(
        () =>
          settle(
            overrunError({
              phaseImages: phase.count,
              elapsedMs: performance.now() - phaseStarted,
              remainingImages,
              wallTimeMs: limits.wallTimeMs,
            }),
          ),
        phaseDeadlineMs(phase.count, runImages, limits.wallTimeMs),
      );
    };
    const timer = setTimeout(
      () =>
        settle(
          new ModelError(
            `Scoring took longer than the ${Math.round(limits.wallTimeMs / 1000)} s limit and was stopped. Make the model smaller or faster.`,
          ),
        ),
      limits.wallTimeMs,
    );
    const memoryWatch = setInterval(async () => {
      if (!child.pid) return;
      const used = await residentMb(child.pid);
      if (used > limits.memoryMb) {
        settle(
          new ModelError(
            `The model used more than the ${limits.memoryMb} MB memory limit while scoring and was stopped.`,
          ),
        );
      }
    }, MEMORY_POLL_MS);
    const onAbort = () => settle(new Error('Scoring was cancelled.'));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    // The first run pays the engine's warm-up (the first run was several times slower per image
    // than the next ones here), so speed is judged from a phase's steady part (the images after
    // its warm-up images) or from the second phase on, at the fastest speed seen; the first
    // phase's deadline covers a model that is hopeless from the start.
    let fastest: { perImageMs: number; images: number } | null = null;
    const paceVerdict = (message: PhaseResult, phasesDone: number) => {
      const timing = message.steady ?? { images: message.predictions.length, inferenceMs: message.inferenceMs };
      const perImageMs = timing.inferenceMs / Math.max(1, timing.images);
      if (!fastest || perImageMs < fastest.perImageMs) fastest = { perImageMs, images: timing.images };
      if (phasesDone < 2 && !message.steady) return null;
      return judgePace({
        elapsedMs: performance.now() - started,
        perImageMs: fastest.perImageMs,
        measuredImages: fastest.images,
        remainingImages: pending.reduce((sum, phase) => sum + phase.count, 0),
        wallTimeMs: limits.wallTimeMs,
      });
    };
    // Sent once, when the next phase is the first conditional one: the child waits for it there.
    const sendPlan = () => {
      if (isPlanSent || !pending[0]?.conditional) return;
      isPlanSent = true;
      const skip = new Set(options.planPhases?.(results) ?? []);
      pending = pending.filter((phase) => !skip.has(phase.name));
      const plan: SandboxPlan = { type: 'plan', skip: [...skip] };
      child.send(plan);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: SandboxMessage) => {
      if (message.type === 'engine-ready') isEngineReady = true;
      else if (message.type === 'phase-loaded') {
        // Loading does not grow with the images and the wall-time limit already bounds it: only
        // the images are held to the phase's share. The child names the phase, but phases run
        // in order, so the parent's own count says which one it is.
        startPhaseClock();
      } else if (message.type === 'progress') options.onProgress?.(message.phase, message.imagesDone);
      else if (message.type === 'phase-done') {
        // The child runs untrusted input through native code: never take its answer on trust.
        const problem =
          message.phase === pending[0]?.name ? checkPhaseResult(message, request) : 'a phase out of order';
        if (problem) return settle(new Error(`The scoring process sent an invalid result: ${problem}`));
        results.set(message.phase, message);
        pending = pending.slice(1);
        clearTimeout(phaseTimer);
        sendPlan();
        const verdict = options.onPhase?.(message, results, pending[0]) ?? paceVerdict(message, results.size) ?? null;
        if (verdict) settle(verdict);
        else if (pending.length === 0) settle(results);
      } else if (message.type === 'model-error') settle(new ModelError(message.message));
      else settle(new Error(`Scoring process failed: ${message.message}`));
    });
    child.on('error', (error) => settle(error));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(phaseTimer);
      clearInterval(memoryWatch);
      options.signal?.removeEventListener('abort', onAbort);
      if (settled instanceof Error) reject(settled);
      else if (settled) resolve(settled);
      else if (!isEngineReady) {
        // Before the engine was loaded no model byte had been parsed: the platform failed
        // (e.g. an unreadable work folder), and a retry may succeed.
        reject(new Error(`The scoring process could not start (exit ${code ?? signal}): ${stderr.trim().slice(-300)}`));
      } else if (signal === 'SIGKILL' || /heap out of memory|Allocation failed/.test(stderr)) {
        reject(new ModelError(`The model exhausted the ${limits.memoryMb} MB memory limit while scoring.`));
      } else {
        // A crash inside the inference engine on this input is the model's doing (e.g. a
        // malformed graph that passes loading); it would crash again on every retry.
        reject(
          new ModelError(
            `The scoring process crashed while running the model (exit ${code ?? signal}). ${stderr.trim().slice(-300)}`.trim(),
          ),
        );
      }
    });
    child.send({ ...request, phases: wire });
  });
}
