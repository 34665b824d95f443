import 'server-only';
import { DATASETS } from '@tenfold/datasets/catalog';
import { type Db, Prisma } from '@tenfold/db';

type Cached = { version: string; value: Promise<unknown> };

/** Distinct keys kept (pages, exports, per-dataset columns); beyond it the oldest goes. */
const MAX_KEYS = 64;

const cache = new Map<string, Cached>();

/**
 * Every consensus sync that changes anything rewrites all rows of its dataset, so the newest
 * `updatedAt` of each dataset (one index probe each) names the consensus as it is now.
 */
async function readConsensusVersion(db: Db): Promise<string> {
  const newest = Object.values(DATASETS).map(
    (dataset) =>
      Prisma.sql`(SELECT max("updatedAt") FROM "ImageConsensus" WHERE dataset = ${dataset.enumValue}::"Dataset")`,
  );
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT concat_ws(':', ${Prisma.join(newest)}) AS version`;
  return row?.version ?? '';
}

/**
 * Something computed from the per-image consensus (a page's aggregates, an export body), computed
 * once per change of the consensus rather than once per request. Each request still reads the
 * version, so a sync that just committed is seen at once.
 */
export async function getCachedConsensus<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await readConsensusVersion(db);
  const cached = cache.get(key);
  if (cached?.version === version) return cached.value as Promise<T>;
  const fresh: Cached = { version, value: compute() };
  cache.delete(key);
  if (cache.size >= MAX_KEYS) cache.delete(cache.keys().next().value as string);
  cache.set(key, fresh);
  fresh.value.catch(() => {
    if (cache.get(key) === fresh) cache.delete(key);
  });
  return fresh.value as Promise<T>;
}
