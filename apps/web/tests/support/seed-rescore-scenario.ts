import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db, Prisma } from '@tenfold/db';
import { buildCentroidModel, buildLinearOnnxModel, predictLinear, readMnistDirectly } from '@tenfold/scoring/testing';
import { syntheticEvaluation } from './seed-board.ts';

const PYTORCH = new URL('../../../../packages/scoring/tests/fixtures/pytorch/', import.meta.url);
/** The normalisation the PyTorch fixtures were trained with (their manifest.json). */
const STANDARD = { inputScale: 'STANDARD', inputMean: 0.1307, inputStd: 0.3081 } as const;
/** A scorer version older than the current one: its numbers are what a version change replaces. */
export const OLD_SCORER_VERSION = '0.9.0';

export type ExpectedScore = { correct: number; accuracy: number; predictions: Uint8Array };

/** A model's file, the contract it was declared with, and what scoring it must give. */
export type RealModel = {
  bytes: Uint8Array;
  contract: Pick<Prisma.SubmissionCreateManyInput, 'inputScale' | 'inputMean' | 'inputStd'>;
  expected: ExpectedScore;
};

const labels = () => readMnistDirectly('t10k').labels;

function expectedFrom(predictions: Uint8Array): ExpectedScore {
  const truth = labels();
  const correct = predictions.filter((p, i) => p === truth[i]).length;
  return { correct, accuracy: correct / truth.length, predictions };
}

/** A real model, with the predictions computed without any inference engine of ours. */
export function realModels(): Record<'cnn' | 'mlp' | 'linear' | 'centroid', RealModel> {
  const read = (name: string) => new Uint8Array(readFileSync(new URL(name, PYTORCH)));
  const train = readMnistDirectly('train');
  const test = readMnistDirectly('t10k');
  const centroid = buildCentroidModel(train.images, train.labels);
  return {
    cnn: { bytes: read('cnn.onnx'), contract: STANDARD, expected: expectedFrom(read('cnn.predictions')) },
    mlp: { bytes: read('mlp.onnx'), contract: STANDARD, expected: expectedFrom(read('mlp.predictions')) },
    linear: { bytes: read('linear.onnx'), contract: STANDARD, expected: expectedFrom(read('linear.predictions')) },
    centroid: {
      bytes: buildLinearOnnxModel(centroid),
      contract: { inputScale: 'UNIT' } as const,
      expected: expectedFrom(predictLinear(test.images, test.count, centroid).predictions),
    },
  };
}

async function storeArtifact(db: Db, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.upsert({
    where: { sha256 },
    create: { sha256, sizeBytes: bytes.byteLength, bytes: Buffer.from(bytes) },
    update: {},
  });
  return sha256;
}

/** A QUEUED submission of a real model on MNIST, for the worker to score as a new upload. */
export async function createQueuedSubmission(
  db: Db,
  options: { ownerId: string; modelId: string; model: RealModel },
): Promise<string> {
  const sha256 = await storeArtifact(db, options.model.bytes);
  const row = await db.submission.create({
    data: {
      modelId: options.modelId,
      submitterId: options.ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      ...options.model.contract,
    },
  });
  return row.id;
}

/** A submission SCORED long ago, whose only evaluation carries `accuracy` under the old scorer version. */
async function createOldScoredSubmission(
  db: Db,
  options: { ownerId: string; modelId: string; accuracy: number; seed: number } & Omit<RealModel, 'expected'>,
): Promise<string> {
  const sha256 = await storeArtifact(db, options.bytes);
  const createdAt = new Date(Date.UTC(2026, 5, 1, options.seed));
  const row = await db.submission.create({
    data: {
      modelId: options.modelId,
      submitterId: options.ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      status: 'SCORED',
      createdAt,
      finishedAt: createdAt,
      ...options.contract,
    },
  });
  const synthetic = syntheticEvaluation(labels(), options.accuracy, options.seed);
  await db.evaluation.create({
    data: {
      submissionId: row.id,
      scorerVersion: OLD_SCORER_VERSION,
      backend: 'onnxruntime-node/cpu',
      backendVersion: '1.29.0',
      datasetSha256: 'd'.repeat(64),
      modelSha256: sha256,
      artifactBytes: options.bytes.byteLength,
      imagesPerSecond: 10_000,
      meanLatencyMs: 0.1,
      durationMs: 1_000,
      createdAt,
      ...synthetic,
      predictions: Buffer.from(synthetic.predictions),
    },
  });
  return row.id;
}

/**
 * A board as an older scorer version left it, in an order the real models do not have:
 *
 *   old board (0.9.0 numbers)          real numbers (current scorer)
 *   1 two-subs  (linear, 0.99)         1 cnn       (0.9756)
 *   2 centroid  (0.985)                2 bystander (0.97, its file is broken: keeps its old number)
 *   3 bystander (0.97)                 3 two-subs  (now its mlp submission, 0.9608)
 *   4 cnn       (0.95)                 4 centroid  (about 0.82)
 *   - two-subs' mlp submission (0.93, not its model's best)
 */
export async function seedRescoreScenario(db: Db, ownerId: string) {
  const models = realModels();
  const model = async (name: string) => (await db.model.create({ data: { ownerId, name } })).id;
  const [cnnModel, centroidModel, twoSubsModel, bystanderModel] = [
    await model('Rescore CNN'),
    await model('Rescore centroid'),
    await model('Rescore two submissions'),
    await model('Rescore bystander'),
  ];
  const old = (modelId: string, real: Omit<RealModel, 'expected'>, accuracy: number, seed: number) =>
    createOldScoredSubmission(db, { ownerId, modelId, bytes: real.bytes, contract: real.contract, accuracy, seed });
  const ids = {
    linear: await old(twoSubsModel, models.linear, 0.99, 1),
    centroid: await old(centroidModel, models.centroid, 0.985, 2),
    bystander: await old(
      bystanderModel,
      { bytes: new TextEncoder().encode('not an ONNX model'), contract: {} },
      0.97,
      3,
    ),
    cnn: await old(cnnModel, models.cnn, 0.95, 4),
    mlp: await old(twoSubsModel, models.mlp, 0.93, 5),
  };
  return { ids, models, modelIds: { cnnModel, centroidModel, twoSubsModel, bystanderModel } };
}
