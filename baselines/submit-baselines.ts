// `npm start` runs this after seeding: on a board with nothing scored and no baselines yet, it
// submits baselines/models/*.onnx through the normal pipeline (Artifact + QUEUED Submission
// committed, then a scoring job), so a fresh site fills with a meaningful board once the worker
// has scored them. Idempotent: once baselines exist it does nothing. Exits 1 on failure.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQueuedSubmission, disconnectDb, getDb, SubmissionStatus } from '@tenfold/db';
import { createRedisConnection, createScoringQueue, enqueueScoring } from '@tenfold/queue';
import { z } from 'zod';

const MODELS_DIR = fileURLToPath(new URL('./models/', import.meta.url));
const BASELINE_USER = { email: 'baselines@tenfold.invalid', name: 'Tenfold baselines' };
const DATASET_ENUM = { mnist: 'MNIST', 'fashion-mnist': 'FASHION_MNIST' } as const;

const manifestSchema = z.array(
  z.object({
    dataset: z.enum(['mnist', 'fashion-mnist']),
    modelName: z.string().min(1),
    file: z.string().regex(/^[a-z0-9-]+\.onnx$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    description: z.string(),
    layout: z.literal('NCHW'),
    scale: z.literal('UNIT'),
    output: z.literal('LOGITS'),
  }),
);

const envSchema = z.object({
  DATABASE_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/tenfold'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().default('tenfold'),
});

async function submitBaselines(): Promise<void> {
  const env = envSchema.parse(process.env);
  const db = getDb(env.DATABASE_URL);
  try {
    const [baselines, scored] = await Promise.all([
      db.model.count({ where: { isBaseline: true } }),
      db.submission.count({ where: { status: SubmissionStatus.SCORED } }),
    ]);
    if (baselines > 0 || scored > 0) {
      console.log('Baselines: the board is not empty, nothing to submit.');
      return;
    }
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')));
    const user = await db.user.upsert({ where: { email: BASELINE_USER.email }, create: BASELINE_USER, update: {} });
    const ids: string[] = [];
    for (const entry of manifest) {
      const bytes = readFileSync(join(MODELS_DIR, entry.file));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== entry.sha256) throw new Error(`${entry.file}: SHA-256 ${sha256} differs from the manifest`);
      const submission = await db.$transaction(async (tx) => {
        await tx.artifact.upsert({
          where: { sha256 },
          create: { sha256, sizeBytes: bytes.byteLength, bytes: new Uint8Array(bytes) },
          update: {},
        });
        const model = await tx.model.upsert({
          where: { ownerId_name: { ownerId: user.id, name: entry.modelName } },
          create: { ownerId: user.id, name: entry.modelName, description: entry.description, isBaseline: true },
          update: {},
        });
        return createQueuedSubmission(tx, {
          modelId: model.id,
          submitterId: user.id,
          dataset: DATASET_ENUM[entry.dataset],
          format: 'ONNX',
          artifactSha256: sha256,
          originalFilename: entry.file,
          inputLayout: entry.layout,
          inputScale: entry.scale,
          outputKind: entry.output,
          countsAgainstQuota: false,
        });
      });
      ids.push(submission.id);
    }
    // Rows first, jobs second: if Redis is down the worker's reconciler enqueues them later.
    const connection = createRedisConnection(env.REDIS_URL, { role: 'producer' });
    const queue = createScoringQueue(connection, env.QUEUE_PREFIX);
    try {
      for (const submissionId of ids) await enqueueScoring(queue, { submissionId });
    } catch (error) {
      console.warn('Baselines: enqueueing failed, the worker will pick them up:', error);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    console.log(`Baselines: submitted ${ids.length} models for scoring.`);
  } finally {
    await disconnectDb(env.DATABASE_URL);
  }
}

submitBaselines().catch((error: unknown) => {
  console.error('Submitting baselines failed:', error);
  process.exitCode = 1;
});
