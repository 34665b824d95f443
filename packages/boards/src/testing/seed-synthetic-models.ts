import { createHash, randomUUID } from 'node:crypto';
import { SCORER_VERSION } from '@tenfold/contract';
import type { Dataset, Db } from '@tenfold/db';
import { placeholderEvaluation } from '@tenfold/db/testing';

export type SyntheticModel = {
  modelId: string;
  submissionId: string;
  evaluationId: string;
  predictions: Uint8Array<ArrayBuffer>;
  /** correct / images of `predictions`, as the scorer would store it. */
  accuracy: number;
};

export type SyntheticModelsOptions = {
  dataset: Dataset;
  labels: Uint8Array;
  ownerId: string;
  count: number;
  /** Seeds the generator, so a test's numbers are the same every run. */
  seed: number;
  /**
   * Images every model at or above `plantedAccuracy` answers with `(label + 1) % 10`: what a
   * wrong official label looks like to strong models.
   */
  plantedImages?: number[];
  plantedAccuracy?: number;
  namePrefix?: string;
};

/** mulberry32: a tiny, fast, seedable generator (Math.random cannot be seeded). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Predictions right with probability `skill`, otherwise a uniformly drawn wrong class. */
export function synthesisePredictions(
  labels: Uint8Array,
  skill: number,
  random: () => number,
  planted: { images: number[]; isPlanted: boolean } = { images: [], isPlanted: false },
): Uint8Array<ArrayBuffer> {
  const predictions = new Uint8Array(labels.length);
  for (let image = 0; image < labels.length; image += 1) {
    const label = labels[image] as number;
    predictions[image] = random() < skill ? label : (label + 1 + Math.floor(random() * 9)) % 10;
  }
  if (planted.isPlanted) for (const image of planted.images) predictions[image] = ((labels[image] as number) + 1) % 10;
  return predictions;
}

export function accuracyOf(predictions: Uint8Array, labels: Uint8Array): number {
  let correct = 0;
  for (let image = 0; image < labels.length; image += 1) if (predictions[image] === labels[image]) correct += 1;
  return correct / labels.length;
}

/**
 * Public models with one scored submission each and an evaluation under the current scorer whose
 * predictions are drawn at skills spread from 55 % to 99 %: a board of hundreds of models in a
 * few seconds, for consensus tests and benches. Bulk inserts, because one model at a time would
 * take minutes at 500.
 */
export async function seedSyntheticModels(db: Db, options: SyntheticModelsOptions): Promise<SyntheticModel[]> {
  const random = seededRandom(options.seed);
  const bytes = new TextEncoder().encode(`synthetic-${options.seed}-${randomUUID()}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const models: SyntheticModel[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const skill = 0.55 + (0.44 * index) / Math.max(1, options.count - 1);
    const predictions = synthesisePredictions(options.labels, skill, random, {
      images: options.plantedImages ?? [],
      isPlanted: skill >= (options.plantedAccuracy ?? 1.1),
    });
    models.push({
      modelId: randomUUID(),
      submissionId: randomUUID(),
      evaluationId: randomUUID(),
      predictions,
      accuracy: accuracyOf(predictions, options.labels),
    });
  }
  const prefix = options.namePrefix ?? `synthetic-${options.seed}`;
  for (let start = 0; start < models.length; start += 100) {
    const chunk = models.slice(start, start + 100);
    await db.model.createMany({
      data: chunk.map((model, offset) => ({
        id: model.modelId,
        ownerId: options.ownerId,
        name: `${prefix}-${start + offset}`,
      })),
    });
    await db.submission.createMany({
      data: chunk.map((model) => ({
        id: model.submissionId,
        modelId: model.modelId,
        submitterId: options.ownerId,
        dataset: options.dataset,
        format: 'ONNX' as const,
        artifactSha256: sha256,
        originalFilename: 'model.onnx',
        status: 'SCORED' as const,
      })),
    });
    await db.evaluation.createMany({
      data: chunk.map((model) => ({
        ...placeholderEvaluation(model.accuracy),
        id: model.evaluationId,
        submissionId: model.submissionId,
        scorerVersion: SCORER_VERSION,
        total: options.labels.length,
        predictions: model.predictions,
      })),
    });
  }
  return models;
}
