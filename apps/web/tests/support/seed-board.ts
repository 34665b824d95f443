import { createHash } from 'node:crypto';
import type { DatasetId } from '@tenfold/datasets/catalog';
import type { Db, ModelFormat } from '@tenfold/db';

const Z_95 = 1.959963984540054;
const FORMATS: ModelFormat[] = ['ONNX', 'TFJS_LAYERS', 'TFJS_GRAPH'];
const DATASET_ENUM = { mnist: 'MNIST', 'fashion-mnist': 'FASHION_MNIST' } as const;

function wilson(successes: number, trials: number): [number, number] {
  const p = successes / trials;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Deterministic PRNG (mulberry32), so seeded boards are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Predictions that get about `accuracy` of `labels` right, and the evaluation row they imply. */
export function syntheticEvaluation(labels: Uint8Array, accuracy: number, seed: number) {
  const next = random(seed);
  const predictions = new Uint8Array(labels.length);
  const confusion = new Array<number>(100).fill(0);
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i] as number;
    const predicted = next() < accuracy ? label : (label + 1 + Math.floor(next() * 9)) % 10;
    predictions[i] = predicted;
    confusion[label * 10 + predicted] = (confusion[label * 10 + predicted] ?? 0) + 1;
  }
  const correct = Array.from({ length: 10 }, (_, c) => confusion[c * 11] ?? 0).reduce((a, b) => a + b, 0);
  const rowSum = (c: number) => confusion.slice(c * 10, c * 10 + 10).reduce((a, b) => a + b, 0);
  const columnSum = (c: number) =>
    Array.from({ length: 10 }, (_, r) => confusion[r * 10 + c] ?? 0).reduce((a, b) => a + b, 0);
  const recall = Array.from({ length: 10 }, (_, c) => (rowSum(c) ? (confusion[c * 11] ?? 0) / rowSum(c) : 0));
  const precision = Array.from({ length: 10 }, (_, c) => (columnSum(c) ? (confusion[c * 11] ?? 0) / columnSum(c) : 0));
  const [low, high] = wilson(correct, labels.length);
  return {
    total: labels.length,
    correct,
    accuracy: correct / labels.length,
    accuracyCiLow: low,
    accuracyCiHigh: high,
    perClassRecall: recall,
    perClassPrecision: precision,
    perClassF1: recall.map((r, c) => {
      const p = precision[c] ?? 0;
      return r + p ? (2 * r * p) / (r + p) : 0;
    }),
    confusionMatrix: confusion,
    predictions,
  };
}

export type SeedOptions = {
  models: number;
  /** Scored submissions per model and dataset (a history). */
  submissionsPerModel?: number;
  labels: Partial<Record<DatasetId, Uint8Array>>;
  /** Default 1: every model on every given dataset; lower leaves some models on MNIST only. */
  bothDatasetsShare?: number;
};

/** A board of public, scored models with realistic evaluation rows, written in bulk. Returns model ids, best first-ish. */
export async function seedBoard(db: Db, options: SeedOptions): Promise<{ modelIds: string[]; userId: string }> {
  const user = await db.user.create({
    data: { email: `seed-${Date.now()}-${Math.random()}@tenfold.test`, name: 'Seeder' },
  });
  const bytes = new TextEncoder().encode(`seed-${user.id}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const perModel = options.submissionsPerModel ?? 1;
  const models = Array.from({ length: options.models }, (_, index) => ({
    id: `seedmodel${String(index).padStart(6, '0')}${user.id.slice(-6)}`,
    ownerId: user.id,
    name: index < 3 ? (['Logistic regression', 'MLP', 'Small CNN'][index] as string) : `Model ${index}`,
    isBaseline: index < 3,
  }));
  await db.model.createMany({ data: models });
  const datasets = Object.entries(options.labels) as [DatasetId, Uint8Array][];
  for (const [datasetIndex, [datasetId, labels]] of datasets.entries()) {
    const submissions = [];
    const evaluations = [];
    for (const [index, model] of models.entries()) {
      if (datasetIndex > 0 && index / options.models >= (options.bothDatasetsShare ?? 1)) continue;
      for (let attempt = 0; attempt < perModel; attempt += 1) {
        const id = `seedsub${datasetIndex}${String(index).padStart(6, '0')}${attempt}${user.id.slice(-6)}`;
        const base = datasetId === 'mnist' ? 0.9 : 0.8;
        const accuracy = Math.min(0.995, base + (((index * 7919) % 997) / 997) * 0.09 + attempt * 0.002);
        const createdAt = new Date(Date.UTC(2026, 0, 1 + (index % 300), attempt));
        submissions.push({
          id,
          modelId: model.id,
          submitterId: user.id,
          dataset: DATASET_ENUM[datasetId],
          format: FORMATS[index % 3] as ModelFormat,
          artifactSha256: sha256,
          originalFilename: 'model.onnx',
          status: 'SCORED' as const,
          createdAt,
        });
        evaluations.push({
          submissionId: id,
          scorerVersion: '1.0.0',
          backend: 'onnxruntime-node',
          backendVersion: '1.30.0',
          datasetSha256: 'd'.repeat(64),
          modelSha256: sha256,
          parameterCount: index % 11 === 5 ? null : 1000 + ((index * 104729) % 2_000_000),
          artifactBytes: 4000 + ((index * 7907) % 9_000_000),
          imagesPerSecond: 1000 + ((index * 31) % 50_000),
          meanLatencyMs: 0.01 + ((index * 13) % 500) / 100,
          durationMs: 1000,
          createdAt,
          ...syntheticEvaluation(labels, accuracy, index * 1000 + attempt * 10 + datasetIndex),
        });
      }
    }
    for (let start = 0; start < submissions.length; start += 500) {
      await db.submission.createMany({ data: submissions.slice(start, start + 500) });
      await db.evaluation.createMany({ data: evaluations.slice(start, start + 500) });
    }
  }
  return { modelIds: models.map((model) => model.id), userId: user.id };
}
