import {
  LABEL_ERROR_AGREEMENT,
  LABEL_ERROR_MIN_STRONG_MODELS,
  STRONG_MODEL_COUNT,
  syncImageConsensus,
} from '@tenfold/boards';
import { type SyntheticModel, seedSyntheticModels } from '@tenfold/boards/testing';
import { type DatasetId, loadSplit } from '@tenfold/datasets';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, type TestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminDeps } from '@/server/admin/admin-deps';
import { applyModelBulkAction, modelBulkSchema } from '@/server/admin/bulk-model-actions';
import { applySubmissionBulkAction, submissionBulkSchema } from '@/server/admin/bulk-submission-actions';
import { listLabelFlags } from '@/server/admin/list-label-flags';
import { labelFlagReviewSchema, reviewLabelFlags } from '@/server/admin/review-label-flags';
import { flagImageLabel, flagImageLabelSchema } from '@/server/consensus/flag-image-label';
import { getClassDropShares } from '@/server/queries/get-class-drop-shares';
import { getDatasetConsensus, HARDEST_IMAGE_COUNT } from '@/server/queries/get-dataset-consensus';
import { getLikelyLabelErrors } from '@/server/queries/get-likely-label-errors';
import { getModelConsensusContrast } from '@/server/queries/get-model-consensus-contrast';
import { seedUser } from './support/seed-admin.ts';

// The consensus pages' queries, the label flags and the moderation path against real PostgreSQL:
// 300 synthetic models on MNIST and 200 on Fashion-MNIST over the real test labels, every number
// checked against plain counting over the predictions the test stored; then hiding and
// disqualifying through the admin console's own services takes a model out of the consensus.

const PLANTED = [17, 345, 2_001, 5_555, 9_998];

let database: TestDatabase;
let db: Db;
type Who = Awaited<ReturnType<typeof seedUser>>;
let admin: Who;
let user: Who;
const labels = {} as Record<DatasetId, Uint8Array>;
const voters = {} as Record<DatasetId, SyntheticModel[]>;

beforeAll(async () => {
  database = await createTestDatabase('web_consensus');
  db = getDb(database.databaseUrl);
  admin = await seedUser(db, 'ADMIN', 'Admin');
  user = await seedUser(db, 'USER', 'Reader');
  for (const [datasetId, dataset, count] of [
    ['mnist', 'MNIST', 300],
    ['fashion-mnist', 'FASHION_MNIST', 200],
  ] as const) {
    labels[datasetId] = (await loadSplit(datasetId, 'test')).labels;
    voters[datasetId] = await seedSyntheticModels(db, {
      dataset,
      labels: labels[datasetId],
      ownerId: admin.userId,
      count,
      seed: count,
      plantedImages: PLANTED,
      // Most models (skill 0.7 and up) answer the planted images wrongly: the weaker ones right there are rare hits.
      plantedAccuracy: 0.7,
      namePrefix: datasetId,
    });
    await syncImageConsensus(db, datasetId, async () => labels[datasetId]);
  }
}, 180_000);

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

/** Plain counting: per image, how many voters are right and what each class gets. */
function count(datasetId: DatasetId, models = voters[datasetId]) {
  const truth = labels[datasetId];
  const strongCut = [...models].sort((a, b) => b.accuracy - a.accuracy)[STRONG_MODEL_COUNT - 1]?.accuracy ?? 0;
  return Array.from(truth, (label, image) => {
    const votes = new Array<number>(10).fill(0);
    const strong = new Array<number>(10).fill(0);
    for (const model of models) {
      const answer = model.predictions[image] as number;
      votes[answer] = (votes[answer] as number) + 1;
      if (model.accuracy >= strongCut) strong[answer] = (strong[answer] as number) + 1;
    }
    return { image, label, votes, strong, correct: votes[label] as number };
  });
}

const argmax = (values: number[]) => values.indexOf(Math.max(...values));

describe('the consensus queries', () => {
  it('lists the hardest images and the summed confusion as plain counting does', async () => {
    const consensus = await getDatasetConsensus(db, 'mnist');
    const counted = count('mnist');
    expect(consensus.modelsCounted).toBe(300);
    const hardest = [...counted]
      .sort((a, b) => a.correct - b.correct || a.image - b.image)
      .slice(0, HARDEST_IMAGE_COUNT);
    expect(consensus.hardest.map((image) => [image.imageIndex, image.correctCount, image.majorityClass])).toEqual(
      hardest.map((image) => [image.image, image.correct, argmax(image.votes)]),
    );
    const confusion = new Array<number>(100).fill(0);
    for (const image of counted) {
      for (let k = 0; k < 10; k += 1)
        confusion[image.label * 10 + k] = (confusion[image.label * 10 + k] as number) + (image.votes[k] as number);
    }
    expect(consensus.confusion).toEqual(confusion);
  });

  it('finds the likely label errors where the strong models agree on another class', async () => {
    const counted = count('mnist');
    const expected = counted
      .filter((image) => {
        const total = image.strong.reduce((sum, n) => sum + n, 0);
        const top = argmax(image.strong);
        return (
          top !== image.label &&
          total >= LABEL_ERROR_MIN_STRONG_MODELS &&
          image.strong[top]! >= LABEL_ERROR_AGREEMENT * total
        );
      })
      .map((image) => image.image);
    const found = await getLikelyLabelErrors(db, 'mnist', null);
    expect(found.map((image) => image.imageIndex).sort((a, b) => a - b)).toEqual(expected);
    for (const image of PLANTED) expect(expected).toContain(image);
    const planted = found.find((image) => image.imageIndex === PLANTED[0]);
    expect(planted?.strongClass).toBe(((labels.mnist[PLANTED[0]!] as number) + 1) % 10);
  });

  it('splits the MNIST to Fashion-MNIST drop into class shares that add up to it', async () => {
    const shares = await getClassDropShares(db);
    expect(shares).not.toBeNull();
    const mean = (datasetId: DatasetId) =>
      count(datasetId).reduce((sum, image) => sum + image.correct, 0) / (voters[datasetId].length * 10_000);
    expect(shares?.drop).toBeCloseTo((mean('mnist') - mean('fashion-mnist')) * 100, 9);
    expect(shares?.classes.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 9);
    const fashion = count('fashion-mnist');
    const shirts = fashion.filter((image) => image.label === 6);
    expect(shares?.classes[6]?.fashionAccuracy).toBeCloseTo(
      shirts.reduce((sum, image) => sum + image.correct, 0) / (200 * shirts.length),
      12,
    );
  });

  it("shows a model's rare hits and misses against the other models", async () => {
    const model = voters.mnist[50] as SyntheticModel;
    const contrast = await getModelConsensusContrast(db, model.modelId, 'mnist');
    const counted = count('mnist');
    const hits = counted.filter((image) => {
      const isRight = model.predictions[image.image] === image.label;
      return isRight && (image.correct - 1) * 2 < 299;
    });
    const misses = counted.filter((image) => model.predictions[image.image] !== image.label && image.correct * 2 > 299);
    expect(contrast?.rareHitCount).toBe(hits.length);
    expect(contrast?.rareMissCount).toBe(misses.length);
    expect(hits.length).toBeGreaterThan(0);
    expect(contrast?.rareHits[0]?.othersRight).toBe(Math.min(...hits.map((image) => image.correct - 1)));
    expect(contrast?.rareMisses[0]?.othersRight).toBe(Math.max(...misses.map((image) => image.correct)));
  });
});

describe('label flags', () => {
  it('records a flag once per user with its audit row, and refuses an image that does not exist', async () => {
    const input = flagImageLabelSchema.parse({ suggestedClass: 3, note: ' looks like a 3 ' });
    const first = await flagImageLabel(db, user, 'mnist', PLANTED[0]!, input);
    expect(first).toMatchObject({ ok: true, flag: { isNew: true } });
    expect(await flagImageLabel(db, user, 'mnist', PLANTED[0]!, input)).toMatchObject({
      ok: true,
      flag: { isNew: false },
    });
    expect(await flagImageLabel(db, user, 'mnist', 10_000, input)).toMatchObject({ ok: false, status: 404 });
    expect(flagImageLabelSchema.safeParse({ suggestedClass: 12 }).error?.issues[0]?.message).toMatch(/0 to 9/);
    const audit = await db.auditLog.findMany({ where: { action: 'label.flag' } });
    expect(audit).toMatchObject([
      { actorId: user.userId, targetType: 'Image', targetId: `mnist/${PLANTED[0]}`, reason: 'looks like a 3' },
    ]);
    const shown = (await getLikelyLabelErrors(db, 'mnist', user.userId)).find(
      (image) => image.imageIndex === PLANTED[0],
    );
    expect(shown).toMatchObject({ flagCount: 1, isFlaggedByViewer: true });
  });

  it('reaches the admin list, and a review closes it once, audited', async () => {
    const open = await listLabelFlags(db, 'open');
    expect(open).toMatchObject([
      { datasetId: 'mnist', imageIndex: PLANTED[0], suggestedClass: 3, note: 'looks like a 3' },
    ]);
    const ids = open.map((flag) => flag.id);
    const review = (action: string) => reviewLabelFlags(db, admin, labelFlagReviewSchema.parse({ action, ids }));
    expect(await review('agree')).toMatchObject({ done: 1, skipped: 0 });
    expect(await review('dismiss')).toMatchObject({ done: 0, skipped: 1, results: [{ message: 'already reviewed' }] });
    expect(await listLabelFlags(db, 'open')).toEqual([]);
    expect(await listLabelFlags(db, 'reviewed')).toMatchObject([{ reviewOutcome: 'agreed', reviewerName: 'Admin' }]);
    expect(await db.auditLog.count({ where: { action: 'label-flag.agree', actorId: admin.userId } })).toBe(1);
    const shown = (await getLikelyLabelErrors(db, 'mnist', null)).find((image) => image.imageIndex === PLANTED[0]);
    expect(shown).toMatchObject({ flagCount: 1, agreedCount: 1, isFlaggedByViewer: false });
  });
});

describe('moderation through the admin console', () => {
  const deps = () => ({ db, removeScoringJob: async () => {}, enqueueScoring: async () => {} }) as unknown as AdminDeps;

  async function expectCorrectCounts(models: SyntheticModel[]) {
    const rows = await db.imageConsensus.findMany({
      where: { dataset: 'MNIST' },
      orderBy: { imageIndex: 'asc' },
      select: { correctCount: true, modelsCounted: true },
    });
    const counted = count('mnist', models);
    expect(rows.every((row) => row.modelsCounted === models.length)).toBe(true);
    expect(rows.filter((row, image) => row.correctCount !== counted[image]?.correct)).toEqual([]);
  }

  it('takes a hidden model and a disqualified submission out of the consensus, and brings them back', async () => {
    const [hidden, disqualified] = [voters.mnist[299] as SyntheticModel, voters.mnist[10] as SyntheticModel];
    await applyModelBulkAction(
      db,
      admin,
      modelBulkSchema.parse({ action: 'hide', ids: [hidden.modelId], reason: 'test' }),
    );
    await applySubmissionBulkAction(
      deps(),
      admin,
      submissionBulkSchema.parse({ action: 'disqualify', ids: [disqualified.submissionId], reason: 'test' }),
    );
    await expectCorrectCounts(voters.mnist.filter((model) => model !== hidden && model !== disqualified));
    await applyModelBulkAction(db, admin, modelBulkSchema.parse({ action: 'unhide', ids: [hidden.modelId] }));
    await applySubmissionBulkAction(
      deps(),
      admin,
      submissionBulkSchema.parse({ action: 'requalify', ids: [disqualified.submissionId] }),
    );
    await expectCorrectCounts(voters.mnist);
  });
});
