import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disconnectDb, getDb } from '@tenfold/db';
import { applyMigrations } from '@tenfold/db/migrate';
import { createRedisConnection, createScoringQueue } from '@tenfold/queue';
import { type ChaosOutcome, countOutcomes, EVALUATION_WRITES_SQL } from './count-outcomes.ts';
import { seedSubmissions } from './seed-submissions.ts';
import { startPrivatePostgres } from './start-private-postgres.ts';
import { startPrivateRedis } from './start-private-redis.ts';
import { startWorkerProcess, type WorkerProcess } from './start-worker-process.ts';

export type FaultKind = 'kill' | 'terminate' | 'restart-redis' | 'restart-postgres';

export type ChaosOptions = {
  submissions: number;
  /** Worker processes sharing the queue. */
  workers?: number;
  /** Faults of each kind; defaults grow with the number of submissions. */
  faults?: Partial<Record<FaultKind, number>>;
  /** After the last fault, how long everything may take to reach a final state. */
  settleTimeoutMs?: number;
  /** Keep the worker logs even after a clean run (they are always kept after an unclean one). */
  keepLogs?: boolean;
  log?: (line: string) => void;
};

export type ChaosReport = ChaosOutcome & {
  faults: string[];
  elapsedMs: number;
  /** Folder of the worker logs, when kept. */
  logDir: string | null;
};

const QUEUE_PREFIX = 'chaos';
const POLL_MS = 200;
/** How long a kill waits for its victim to be scoring something, so it interrupts real work. */
const VICTIM_WAIT_MS = 15_000;
const STOP_TIMEOUT_MS = 20_000;
/** The order faults take turns in; each kind is skipped once its count is used up. */
const FAULT_PATTERN: FaultKind[] = ['kill', 'restart-redis', 'kill', 'restart-postgres', 'terminate'];

/** Short heartbeats and locks so that a run of a dozen submissions recovers within seconds. */
const FAST_RECOVERY_ENV = {
  WORKER_CONCURRENCY: '1',
  JOB_HEARTBEAT_MS: '250',
  STALE_AFTER_MS: '3000',
  WORKER_LOCK_MS: '3000',
  RECONCILE_INTERVAL_MS: '1000',
  WORKER_HEARTBEAT_MS: '1000',
  SHUTDOWN_GRACE_MS: '1000',
};

function defaultFaults(submissions: number): Record<FaultKind, number> {
  return {
    kill: Math.max(2, Math.round(submissions / 40)),
    'restart-redis': Math.max(1, Math.round(submissions / 100)),
    'restart-postgres': Math.max(1, Math.round(submissions / 100)),
    terminate: Math.max(1, Math.round(submissions / 100)),
  };
}

function planFaults(counts: Record<FaultKind, number>): FaultKind[] {
  const left = { ...counts };
  const plan: FaultKind[] = [];
  while (Object.values(left).some((count) => count > 0)) {
    for (const kind of FAULT_PATTERN) {
      if (left[kind] > 0) {
        plan.push(kind);
        left[kind]--;
      }
    }
  }
  return plan;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fault-injection run: private Redis and PostgreSQL servers, `submissions` submissions
 * queued as the web app queues them, worker processes started with `npx tsx`, and while they
 * work, in turns spread over the run: a worker SIGKILLed while it scores (process group and
 * scoring processes included), Redis killed and restarted empty, PostgreSQL stopped
 * immediately and restarted, a worker stopped with SIGTERM; each stopped worker is replaced at
 * once, as a supervisor would. Then it counts, from PostgreSQL alone, how every submission ended.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const workerCount = options.workers ?? 2;
  const plan = planFaults({ ...defaultFaults(options.submissions), ...options.faults });
  const runDir = mkdtempSync(join(tmpdir(), 'tenfold-chaos-'));
  // Its own folder under the system's temporary one: scoring processes may run as another user,
  // who can pass through a folder made for that (see @tenfold/scoring) but not through runDir.
  const workDir = mkdtempSync(join(tmpdir(), 'tenfold-chaos-work-'));
  const faults: string[] = [];
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const note = (line: string) => {
    faults.push(line);
    log(`[chaos ${stamp()}] ${line}`);
  };

  const redis = await startPrivateRedis();
  const postgres = await startPrivatePostgres().catch(async (error) => {
    await redis.stop();
    throw error;
  });
  const databaseUrl = postgres.urlOf('tenfold_chaos');
  const workers: WorkerProcess[] = [];
  let generation = 0;
  let report: ChaosReport;
  try {
    await applyMigrations({ databaseUrl });
    const db = getDb(databaseUrl);
    for (const sql of EVALUATION_WRITES_SQL) await db.$executeRawUnsafe(sql);
    const connection = createRedisConnection(redis.url, { role: 'producer' });
    const queue = createScoringQueue(connection, QUEUE_PREFIX);
    const ids = await seedSubmissions(db, queue, options.submissions);
    await queue.close();
    connection.disconnect();
    log(`[chaos ${stamp()}] ${ids.length} submissions queued; faults planned: ${plan.join(', ')}`);

    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX,
      TENFOLD_WORK_DIR: workDir,
    };
    const spawnWorker = (slot: number) => {
      workers[slot] = startWorkerProcess({
        workerId: `chaos-${slot}-${generation++}`,
        env: { ...env, ...FAST_RECOVERY_ENV },
        logPath: join(runDir, `worker-${slot}.log`),
      });
    };
    for (let slot = 0; slot < workerCount; slot++) spawnWorker(slot);

    // PostgreSQL may be down while it is polled: a failed poll counts nothing.
    const countFinal = () =>
      db.submission
        .count({ where: { id: { in: ids }, status: { in: ['SCORED', 'FAILED', 'CANCELLED'] } } })
        .catch(() => 0);
    const waitForFinal = async (target: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && (await countFinal()) < target) await sleep(POLL_MS);
    };
    const waitForVictim = async (worker: WorkerProcess) => {
      const deadline = Date.now() + VICTIM_WAIT_MS;
      while (Date.now() < deadline) {
        const running = await db.submission
          .findFirst({ where: { status: 'RUNNING', workerId: worker.workerId }, select: { id: true } })
          .catch(() => null);
        if (running) return running.id;
        await sleep(POLL_MS / 4);
      }
      return null;
    };
    const settleTimeoutMs = options.settleTimeoutMs ?? 60_000;

    let kills = 0;
    for (const [index, kind] of plan.entries()) {
      // Faults are spread over the run: the n-th waits until n/(faults+1) of the submissions are final.
      await waitForFinal(Math.ceil((options.submissions * (index + 1)) / (plan.length + 1)), settleTimeoutMs);
      if (kind === 'restart-redis') {
        await redis.restart();
        note('Redis killed and restarted empty');
      } else if (kind === 'restart-postgres') {
        await postgres.restart();
        note('PostgreSQL stopped (immediate) and restarted');
      } else {
        const slot = kills++ % workerCount;
        const victim = workers[slot]!;
        const scoring = await waitForVictim(victim);
        const signal = kind === 'kill' ? 'SIGKILL' : 'SIGTERM';
        victim.signal(signal);
        const exit = await victim.exited;
        note(`${victim.workerId} sent ${signal} while scoring ${scoring ?? 'nothing'}; exit ${exit}`);
        spawnWorker(slot);
      }
    }

    await waitForFinal(options.submissions, settleTimeoutMs);
    const outcome = await countOutcomes(db, ids);
    const isClean = outcome.final === outcome.submissions && outcome.lost + outcome.duplicates + outcome.stuck === 0;
    const logDir = isClean && !options.keepLogs ? null : runDir;
    report = { ...outcome, faults, elapsedMs: Date.now() - started, logDir };
  } finally {
    await Promise.all(workers.map((worker) => stopWorker(worker)));
    await disconnectDb(databaseUrl);
    await Promise.all([redis.stop(), postgres.stop()]);
    rmSync(workDir, { recursive: true, force: true });
  }
  if (!report.logDir) rmSync(runDir, { recursive: true, force: true });
  return report;
}

async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (!worker.isRunning()) return;
  worker.signal('SIGTERM');
  const timer = setTimeout(() => worker.signal('SIGKILL'), STOP_TIMEOUT_MS);
  await worker.exited;
  clearTimeout(timer);
}
