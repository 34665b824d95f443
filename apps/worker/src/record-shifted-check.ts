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
      data: { shiftedAccuracy, shiftedCheck: ShiftedCheckState.DONE },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.evaluation.updateMany({
      where: waiting,
      data: { shiftedCheck: ShiftedCheckState.FAILED, shiftedCheckError: message.slice(0, MAX_ERROR_CHARS) },
    });
  }
}
