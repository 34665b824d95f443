import type { Db, Prisma } from '@tenfold/db';

/** Thrown inside the transaction to roll it back when the claim no longer holds. */
class ClaimLostError extends Error {}

/**
 * One transaction that first runs `hold` (the conditional status write of the claimed row, which
 * takes its lock) and, only if it applied, `write`: a cancelled, taken-over or late duplicate
 * job writes nothing at all. Returns what `write` returned, or null when nothing was written.
 */
export async function writeWhileClaimed<T>(
  db: Db,
  hold: (tx: Prisma.TransactionClient) => Promise<boolean>,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T | null> {
  try {
    return await db.$transaction(async (tx) => {
      if (!(await hold(tx))) throw new ClaimLostError();
      return write(tx);
    });
  } catch (error) {
    if (error instanceof ClaimLostError) return null;
    throw error;
  }
}
