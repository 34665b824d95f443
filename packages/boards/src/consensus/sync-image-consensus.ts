import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import type { Db, Prisma } from '@tenfold/db';
import { getLeaderboard } from '../get-leaderboard.ts';
import { STRONG_MODEL_COUNT } from './consensus-thresholds.ts';
import { CLASS_COUNT, summariseImage, tallyVotes, topVote } from './tally-votes.ts';

/** The official test labels of a dataset, read only when its table is first filled. */
export type LoadTestLabels = (datasetId: DatasetId) => Promise<Uint8Array>;

export type ConsensusSyncResult = {
  /** Models whose votes entered (or re-entered through another evaluation or strength). */
  joined: number;
  /** Models whose votes were taken away. */
  left: number;
  isRebuilt: boolean;
};

type Member = { modelId: string; evaluationId: string; isStrong: boolean; accuracy: number };

/** Predictions are read this many evaluations at a time (10 kB each), so a rebuild stays small. */
const PREDICTIONS_CHUNK = 100;
/** A full rebuild of 500 models reads 5 MB of predictions; a normal sync is one or two models. */
const TRANSACTION_TIMEOUT_MS = 120_000;
/** How long to wait for a pool connection: under load it can exceed Prisma's default of 2 s. */
const TRANSACTION_MAX_WAIT_MS = 20_000;
/** Pause before trying the dataset's lock again while another sync holds it. */
const LOCK_RETRY_MS = 50;

function isSameMember(a: Member | undefined, b: Member): boolean {
  return !!a && a.evaluationId === b.evaluationId && a.isStrong === b.isStrong;
}

async function tallyMembers(
  tx: Prisma.TransactionClient,
  members: Member[],
  sign: 1 | -1,
  tables: VoteTables,
): Promise<boolean> {
  for (let start = 0; start < members.length; start += PREDICTIONS_CHUNK) {
    const chunk = members.slice(start, start + PREDICTIONS_CHUNK);
    const rows = await tx.evaluation.findMany({
      where: { id: { in: chunk.map((member) => member.evaluationId) } },
      select: { id: true, predictions: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row.predictions]));
    for (const member of chunk) {
      const predictions = byId.get(member.evaluationId);
      // Only a deleted model takes its evaluation with it; its votes can then only be dropped by a rebuild.
      if (!predictions) return false;
      tallyVotes(tables.votes, predictions, sign);
      if (member.isStrong) tallyVotes(tables.strongVotes, predictions, sign);
    }
  }
  return true;
}

type VoteTables = { votes: Int32Array; strongVotes: Int32Array };

/**
 * The stored labels and vote tables in image order, flattened by PostgreSQL into one row: as
 * 10,000 rows of two int[] each, Prisma took 60-140 ms to read them against 35-40 ms for this,
 * on the worker's thread after every evaluation. Null when nothing is stored for the dataset
 * yet, or when what is stored does not have ten votes per image (a rebuild then starts over).
 */
async function readStoredTables(
  tx: Prisma.TransactionClient,
  dataset: string,
): Promise<(VoteTables & { labels: Uint8Array }) | null> {
  const [row] = await tx.$queryRaw<{ labels: number[] | null; votes: string | null; strongVotes: string | null }[]>`
    SELECT array_agg(label ORDER BY "imageIndex") AS labels,
      string_agg(array_to_string(votes, ','), ',' ORDER BY "imageIndex") AS votes,
      string_agg(array_to_string("strongVotes", ','), ',' ORDER BY "imageIndex") AS "strongVotes"
    FROM "ImageConsensus" WHERE dataset = ${dataset}::"Dataset"`;
  if (!row?.labels || row.votes === null || row.strongVotes === null) return null;
  const votes = Int32Array.from(row.votes.split(','), Number);
  const strongVotes = Int32Array.from(row.strongVotes.split(','), Number);
  const cells = row.labels.length * CLASS_COUNT;
  if (votes.length !== cells || strongVotes.length !== cells) return null;
  return { labels: Uint8Array.from(row.labels), votes, strongVotes };
}

/** Each image's ten votes as an int[] literal: one per row, cast by PostgreSQL (see writeImageRows). */
function voteLiterals(table: Int32Array, count: number): string[] {
  return Array.from(
    { length: count },
    (_, image) => `{${table.subarray(image * CLASS_COUNT, (image + 1) * CLASS_COUNT).join(',')}}`,
  );
}

async function writeImageRows(
  tx: Prisma.TransactionClient,
  dataset: string,
  labels: Uint8Array,
  tables: VoteTables,
): Promise<void> {
  const count = labels.length;
  const columns = {
    index: new Array<number>(count),
    label: new Array<number>(count),
    models: new Array<number>(count),
    correct: new Array<number>(count),
    wrongClass: new Array<number | null>(count),
    wrongCount: new Array<number>(count),
    strongCount: new Array<number>(count),
    strongClass: new Array<number | null>(count),
    strongTop: new Array<number>(count),
  };
  for (let image = 0; image < count; image += 1) {
    const label = labels[image] as number;
    const summary = summariseImage(label, tables.votes.subarray(image * CLASS_COUNT, (image + 1) * CLASS_COUNT));
    const strong = topVote(tables.strongVotes.subarray(image * CLASS_COUNT, (image + 1) * CLASS_COUNT));
    columns.index[image] = image;
    columns.label[image] = label;
    columns.models[image] = summary.modelsCounted;
    columns.correct[image] = summary.correctCount;
    columns.wrongClass[image] = summary.topWrongClass;
    columns.wrongCount[image] = summary.topWrongCount;
    columns.strongCount[image] = strong.total;
    columns.strongClass[image] = strong.topClass;
    columns.strongTop[image] = strong.topCount;
  }
  // One statement for the whole dataset. Each row's votes travel as its own int[] literal: sliced
  // out of one flat array per row instead, the statement took 285-655 ms here against ~200 ms.
  await tx.$executeRaw`
    INSERT INTO "ImageConsensus" (dataset, "imageIndex", label, votes, "strongVotes", "modelsCounted", "correctCount",
      "topWrongClass", "topWrongCount", "strongCount", "strongTopClass", "strongTopCount", "updatedAt")
    SELECT ${dataset}::"Dataset", u.i, u.label, u.votes::int[], u.strong_votes::int[],
      u.models, u.correct, u.wrong_class, u.wrong_count, u.strong_count, u.strong_class, u.strong_top, now()
    FROM unnest(${columns.index}::int[], ${columns.label}::int[], ${voteLiterals(tables.votes, count)}::text[],
      ${voteLiterals(tables.strongVotes, count)}::text[], ${columns.models}::int[], ${columns.correct}::int[],
      ${columns.wrongClass}::int[], ${columns.wrongCount}::int[], ${columns.strongCount}::int[],
      ${columns.strongClass}::int[], ${columns.strongTop}::int[])
      AS u(i, label, votes, strong_votes, models, correct, wrong_class, wrong_count, strong_count, strong_class,
        strong_top)
    ON CONFLICT (dataset, "imageIndex") DO UPDATE SET votes = EXCLUDED.votes, "strongVotes" = EXCLUDED."strongVotes",
      "modelsCounted" = EXCLUDED."modelsCounted", "correctCount" = EXCLUDED."correctCount",
      "topWrongClass" = EXCLUDED."topWrongClass", "topWrongCount" = EXCLUDED."topWrongCount",
      "strongCount" = EXCLUDED."strongCount", "strongTopClass" = EXCLUDED."strongTopClass",
      "strongTopCount" = EXCLUDED."strongTopCount", "updatedAt" = EXCLUDED."updatedAt"`;
}

/** One sync, under the dataset's lock, in the transaction `tx`. */
async function syncLocked(
  tx: Prisma.TransactionClient,
  datasetId: DatasetId,
  loadLabels: LoadTestLabels,
  options: { rebuild?: boolean },
): Promise<ConsensusSyncResult> {
  const dataset = datasetEnumFromId(datasetId);
  const board = await getLeaderboard(tx, datasetId);
  const desired: Member[] = board.map((entry) => ({
    modelId: entry.modelId,
    evaluationId: entry.evaluationId,
    isStrong: entry.rank <= STRONG_MODEL_COUNT,
    accuracy: entry.accuracy,
  }));
  const current: Member[] = await tx.consensusMember.findMany({
    where: { dataset },
    select: { modelId: true, evaluationId: true, isStrong: true, accuracy: true },
  });
  const currentByModel = new Map(current.map((member) => [member.modelId, member]));
  const desiredByModel = new Map(desired.map((member) => [member.modelId, member]));
  let leaving = current.filter((member) => !isSameMember(desiredByModel.get(member.modelId), member));
  let joining = desired.filter((member) => !isSameMember(currentByModel.get(member.modelId), member));
  if (!options.rebuild && leaving.length === 0 && joining.length === 0) {
    return { joined: 0, left: 0, isRebuilt: false };
  }
  const stored = await readStoredTables(tx, dataset);
  const labels = stored?.labels ?? (await loadLabels(datasetId));
  const tables: VoteTables = {
    votes: new Int32Array(labels.length * CLASS_COUNT),
    strongVotes: new Int32Array(labels.length * CLASS_COUNT),
  };
  let isRebuilt = options.rebuild === true || stored === null;
  if (stored && !isRebuilt) {
    tables.votes.set(stored.votes);
    tables.strongVotes.set(stored.strongVotes);
    if (!(await tallyMembers(tx, leaving, -1, tables))) {
      isRebuilt = true;
      tables.votes.fill(0);
      tables.strongVotes.fill(0);
    }
  }
  if (isRebuilt) {
    leaving = current;
    joining = desired;
  }
  if (!(await tallyMembers(tx, joining, 1, tables))) {
    throw new Error('An evaluation on the board vanished during the consensus sync; the next sync repeats it.');
  }
  await writeImageRows(tx, dataset, labels, tables);
  await tx.consensusMember.deleteMany({
    where: { dataset, modelId: { in: leaving.map((member) => member.modelId) } },
  });
  await tx.consensusMember.createMany({ data: joining.map((member) => ({ dataset, ...member })) });
  return { joined: joining.length, left: leaving.length, isRebuilt };
}

/**
 * Brings a dataset's per-image consensus (ImageConsensus) in line with its board: every public,
 * non-hidden, non-disqualified model votes once, through its board entry's evaluation in force
 * (getLeaderboard owns both rules). Only the models whose entry changed since the last sync are
 * read: their old predictions are subtracted and their new ones added, so an evaluation landing
 * costs two models' predictions, not the whole board's. `rebuild` starts from zero instead (for
 * safety, and whenever a model left together with its evaluation).
 *
 * Call it after any change that can move a board (an evaluation written, moderation, visibility,
 * a deletion); it is idempotent, and calls for one dataset take turns on an advisory lock.
 */
export async function syncImageConsensus(
  db: Db,
  datasetId: DatasetId,
  loadLabels: LoadTestLabels,
  options: { rebuild?: boolean } = {},
): Promise<ConsensusSyncResult> {
  const dataset = datasetEnumFromId(datasetId);
  // Waiting for another sync happens outside any transaction. A transaction that waited on the
  // lock spent its timeout queueing behind the others (syncs after each evaluation, each
  // moderation and the reconciler, from several processes) and could expire before doing its
  // own work; Prisma reports an expired one as "Transaction not found" once 100 others have
  // closed since, as seen once under load. Each try holds a transaction only for its own sync.
  for (;;) {
    const result = await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ isLocked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtext(${`tenfold.image-consensus.${dataset}`})) AS "isLocked"`;
        return lock?.isLocked ? syncLocked(tx, datasetId, loadLabels, options) : null;
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_MAX_WAIT_MS },
    );
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
  }
}
