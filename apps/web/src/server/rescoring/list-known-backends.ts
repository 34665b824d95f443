import 'server-only';
import type { Db } from '@tenfold/db';

/** Inference backends that scored something, for the console's backend selection. */
export async function listKnownBackends(db: Db): Promise<string[]> {
  const rows = await db.evaluation.findMany({
    distinct: ['backend'],
    select: { backend: true },
    orderBy: { backend: 'asc' },
  });
  return rows.map((row) => row.backend);
}
