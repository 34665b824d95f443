import { type Db, ShiftedCheckState } from '@tenfold/db';

/** How much of a failure's message the evaluation keeps. */
const MAX_ERROR_CHARS = 300;

/**
 * Fills in the shifted-copy check of an evaluation written before it finished: its accuracy, or
 * why it did not finish. Only an evaluation still waiting for this check is touched, and nothing
 * else on it: a failed check never takes back the score.
 */
export async function recordShiftedCheck(db: Db, evaluationId: string, accuracy: Promise<number>): Promise<void> {
  const waiting = { id: evaluationId, shiftedCheck: ShiftedCheckState.RUNNING };
  try {
    const shiftedAccuracy = await accuracy;
    await db.evaluation.updateMany({
      where: waiting,
      data: { shiftedAccuracy, shiftedCheck: ShiftedCheckState.DONE, shiftedCheckAt: new Date() },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.evaluation.updateMany({
      where: waiting,
      data: {
        shiftedCheck: ShiftedCheckState.FAILED,
        shiftedCheckError: message.slice(0, MAX_ERROR_CHARS),
        shiftedCheckAt: new Date(),
      },
    });
  }
}

/**
 * Ends the checks whose worker stopped during them (killed, crashed): still RUNNING after longer
 * than a scoring may take, they are FAILED, and the submission's page and the review list stop
 * waiting for them. Returns how many.
 */
export async function failOrphanedShiftedChecks(db: Db, olderThanMs: number, now = new Date()): Promise<number> {
  const { count } = await db.evaluation.updateMany({
    where: { shiftedCheck: ShiftedCheckState.RUNNING, shiftedCheckAt: { lt: new Date(now.getTime() - olderThanMs) } },
    data: {
      shiftedCheck: ShiftedCheckState.FAILED,
      shiftedCheckError: 'the worker running it stopped before it finished',
      shiftedCheckAt: now,
    },
  });
  return count;
}
