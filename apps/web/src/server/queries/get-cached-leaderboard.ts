import 'server-only';
import { getLeaderboard, type LeaderboardEntry } from '@tenfold/boards';
import type { DatasetId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';

type Cached = {
  version: string;
  entries: Promise<LeaderboardEntry[]>;
  /** Values computed from `entries` (a sorted page, a serialised body), by key, for this version only. */
  derived: Map<string, unknown>;
};

/** Distinct sort/filter/page combinations kept per version: beyond it the oldest goes. */
const MAX_DERIVED = 256;

const cache = new Map<DatasetId, Cached>();

/**
 * A fingerprint of what a leaderboard reads: inserts and updates move a newest timestamp
 * (indexed, so each max is one index probe), deletes move a count. Read for every request, so a
 * request sees the board as it is now: a model made private leaves at once. (A renamed user
 * shows under the new name at the next change of the board.)
 */
async function queryBoardVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`
    SELECT concat_ws(':',
      (SELECT max("updatedAt") FROM "Submission"),
      (SELECT max("updatedAt") FROM "Model"),
      (SELECT max("createdAt") FROM "Evaluation"),
      (SELECT count(*) FROM "Model"),
      (SELECT count(*) FROM "Submission")
    ) AS version`;
  return row?.version ?? '';
}

const versionReads = new WeakMap<Db, Promise<string>>();

/**
 * queryBoardVersion, shared by the requests that arrive while it runs: under load that is one
 * query per database round trip instead of one per request, and a request still sees every
 * change committed before the read it joined started (at most one round trip before it arrived).
 */
function readBoardVersion(db: Db): Promise<string> {
  let read = versionReads.get(db);
  if (!read) {
    read = queryBoardVersion(db).finally(() => versionReads.delete(db));
    versionReads.set(db, read);
  }
  return read;
}

async function getEntry(db: Db, datasetId: DatasetId): Promise<Cached> {
  const version = await readBoardVersion(db);
  const cached = cache.get(datasetId);
  if (cached?.version === version) return cached;
  // Concurrent requests that see the same new version share one computation.
  const fresh: Cached = { version, entries: getLeaderboard(db, datasetId), derived: new Map() };
  cache.set(datasetId, fresh);
  fresh.entries.catch(() => {
    if (cache.get(datasetId) === fresh) cache.delete(datasetId);
  });
  return fresh;
}

/** getLeaderboard, computed once per change of the data rather than once per request. */
export async function getCachedLeaderboard(db: Db, datasetId: DatasetId): Promise<LeaderboardEntry[]> {
  return (await getEntry(db, datasetId)).entries;
}

/**
 * Something computed from the current leaderboard (a sorted, filtered page; a serialised body),
 * computed once per change of the data and per key: popular pages cost a lookup, not a sort of
 * every entry.
 */
export async function getCachedLeaderboardDerived<T>(
  db: Db,
  datasetId: DatasetId,
  key: string,
  derive: (entries: LeaderboardEntry[]) => T,
): Promise<T> {
  const entry = await getEntry(db, datasetId);
  const entries = await entry.entries;
  if (entry.derived.has(key)) return entry.derived.get(key) as T;
  const value = derive(entries);
  if (entry.derived.size >= MAX_DERIVED) entry.derived.delete(entry.derived.keys().next().value as string);
  entry.derived.set(key, value);
  return value;
}
