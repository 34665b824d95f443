import type { Db } from '@tenfold/db';
import { EXPECTED_ACCURACY } from './seed-submissions.ts';

export type ChaosOutcome = {
  submissions: number;
  /** In a final state (SCORED, FAILED or CANCELLED). */
  final: number;
  /** Not SCORED with its one right evaluation: failed, cancelled, missing, or a wrong result. */
  lost: number;
  /** Submissions whose evaluation was written more than once (a second run got through). */
  duplicates: number;
  /** Still QUEUED or RUNNING. */
  stuck: number;
  /** Scored at the second attempt or later: a fault interrupted them and they were retried. */
  retried: number;
  /** Final statuses, e.g. { SCORED: 199, FAILED: 1 }, with failure kinds. */
  statuses: Record<string, number>;
};

/**
 * Trigger that logs every committed write of an Evaluation row's result, so duplicates cannot
 * hide. Only writes that set the result count: filling in the shifted-copy check afterwards (an
 * UPDATE of the shiftedCheck columns alone) is the job's second stage, not a second run.
 */
export const EVALUATION_WRITES_SQL = [
  'CREATE TABLE chaos_evaluation_writes (submission_id text NOT NULL, operation text NOT NULL)',
  `CREATE FUNCTION chaos_log_evaluation_write() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN INSERT INTO chaos_evaluation_writes VALUES (NEW."submissionId", TG_OP); RETURN NEW; END $$`,
  `CREATE TRIGGER chaos_evaluation_writes AFTER INSERT OR UPDATE OF "predictions", "accuracy" ON "Evaluation"
   FOR EACH ROW EXECUTE FUNCTION chaos_log_evaluation_write()`,
];

/** Counts how the submissions `ids` ended, from PostgreSQL alone. */
export async function countOutcomes(db: Db, ids: string[]): Promise<ChaosOutcome> {
  const rows = await db.submission.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      failureKind: true,
      attempts: true,
      evaluations: { select: { total: true, accuracy: true } },
    },
  });
  const writes = await db.$queryRawUnsafe<Array<{ submission_id: string; writes: number }>>(
    'SELECT submission_id, count(*)::int AS writes FROM chaos_evaluation_writes GROUP BY submission_id',
  );
  const statuses: Record<string, number> = {};
  let final = 0;
  let scoredRight = 0;
  let retried = 0;
  for (const row of rows) {
    const label = row.failureKind ? `${row.status}_${row.failureKind}` : row.status;
    statuses[label] = (statuses[label] ?? 0) + 1;
    if (row.status !== 'QUEUED' && row.status !== 'RUNNING') final++;
    const [evaluation, ...extra] = row.evaluations;
    const isRight =
      row.status === 'SCORED' &&
      extra.length === 0 &&
      evaluation?.total === 10_000 &&
      evaluation.accuracy === EXPECTED_ACCURACY;
    if (isRight) scoredRight++;
    if (isRight && row.attempts > 1) retried++;
  }
  const stuck = rows.length - final;
  return {
    submissions: ids.length,
    final,
    // Missing rows and every final one that is not a right score; stuck ones are counted apart.
    lost: ids.length - rows.length + (final - scoredRight),
    duplicates: writes.filter((row) => row.writes > 1).length,
    stuck,
    retried,
    statuses,
  };
}
