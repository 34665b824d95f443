export type Lease = {
  /** Aborted once the claim is lost: cancelled, or taken over by another worker. */
  signal: AbortSignal;
  /** Stops the heartbeat and waits for a write in flight, so nothing races the final write. */
  stop: () => Promise<void>;
};

/**
 * Keeps a claim alive while a job runs: every `intervalMs` `writeHeartbeat` runs one conditional
 * UPDATE of the claimed row and answers whether it still matched. Once it matches nothing (the
 * row was cancelled or taken over) the signal aborts, which kills the scoring process within one
 * interval. A failed write (PostgreSQL restarting) is tried again on the next tick; only a stale
 * heartbeat makes others take the job over.
 */
export function startLease(writeHeartbeat: () => Promise<boolean>, intervalMs: number): Lease {
  const controller = new AbortController();
  let isStopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const beat = async () => {
    try {
      const isHeld = await writeHeartbeat();
      if (!isHeld && !isStopped) controller.abort('claim-lost');
    } catch {
      // PostgreSQL unreachable for a moment: the next beat tries again.
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      inFlight = beat().then(() => {
        if (!isStopped && !controller.signal.aborted) schedule();
      });
    }, intervalMs);
  };
  schedule();

  return {
    signal: controller.signal,
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
