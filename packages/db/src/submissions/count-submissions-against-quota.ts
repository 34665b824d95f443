import type { Db } from '../client.ts';

/**
 * How many of a user's submissions since `since` count against their submission quota. Failures
 * caused by the platform and cancellations never do: the worker marks those rows
 * countsAgainstQuota = false, and the status filters below cover a row whose flag was not
 * updated (a cancellation written by another path). Model failures do count: the upload used a
 * scoring slot. Accepts a transaction client, so a caller can count and insert under one lock.
 */
export async function countSubmissionsAgainstQuota(
  db: Pick<Db, 'submission'>,
  userId: string,
  since: Date,
): Promise<number> {
  return db.submission.count({
    where: {
      submitterId: userId,
      createdAt: { gte: since },
      countsAgainstQuota: true,
      status: { not: 'CANCELLED' },
      // Spelled out: `failureKind: { not: 'PLATFORM' }` would also drop the rows whose
      // failureKind is NULL (SQL's three-valued NOT), i.e. every queued, running or scored one.
      OR: [{ failureKind: null }, { failureKind: 'MODEL' }],
    },
  });
}
