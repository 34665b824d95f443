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
  tables: { votes: Int32Array; strongVotes: Int32Array },
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

async function writeImageRows(
  tx: Prisma.TransactionClient,
  dataset: string,
  labels: Uint8Array,
  tables: { votes: Int32Array; strongVotes: Int32Array },
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
  // One statement for the whole dataset: the vote arrays travel flat and each row takes its slice.
  await tx.$executeRaw`
    INSERT INTO "ImageConsensus" (dataset, "imageIndex", label, votes, "strongVotes", "modelsCounted", "correctCount",
      "topWrongClass", "topWrongCount", "strongCount", "strongTopClass", "strongTopCount", "updatedAt")
    SELECT ${dataset}::"Dataset", u.i, u.label,
      (${Array.from(tables.votes)}::int[])[u.i * 10 + 1 : u.i * 10 + 10],
      (${Array.from(tables.strongVotes)}::int[])[u.i * 10 + 1 : u.i * 10 + 10],
      u.models, u.correct, u.wrong_class, u.wrong_count, u.strong_count, u.strong_class, u.strong_top, now()
    FROM unnest(${columns.index}::int[], ${columns.label}::int[], ${columns.models}::int[], ${columns.correct}::int[],
      ${columns.wrongClass}::int[], ${columns.wrongCount}::int[], ${columns.strongCount}::int[],
      ${columns.strongClass}::int[], ${columns.strongTop}::int[])
      AS u(i, label, models, correct, wrong_class, wrong_count, strong_count, strong_class, strong_top)
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
  const rows = await tx.imageConsensus.findMany({
    where: { dataset },
    orderBy: { imageIndex: 'asc' },
    select: { label: true, votes: true, strongVotes: true },
  });
  const labels = rows.length > 0 ? Uint8Array.from(rows, (row) => row.label) : await loadLabels(datasetId);
  const tables = {
    votes: new Int32Array(labels.length * CLASS_COUNT),
    strongVotes: new Int32Array(labels.length * CLASS_COUNT),
  };
  let isRebuilt = options.rebuild === true || rows.length === 0;
  if (!isRebuilt) {
    rows.forEach((row, image) => {
      tables.votes.set(row.votes, image * CLASS_COUNT);
      tables.strongVotes.set(row.strongVotes, image * CLASS_COUNT);
    });
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
