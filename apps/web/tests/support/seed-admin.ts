import { createHash, randomUUID } from 'node:crypto';
import type { Db, Prisma, Submission } from '@tenfold/db';

/** A user with the given role, made directly in the database. */
export async function seedUser(db: Db, role: 'USER' | 'ADMIN' = 'USER', name: string = role) {
  const user = await db.user.create({
    data: { email: `${name.toLowerCase()}-${randomUUID()}@example.com`, name, role },
  });
  return { userId: user.id, role, via: 'session' as const, credentialId: 'test-session', email: user.email };
}

export async function seedModel(db: Db, ownerId: string, extra: Partial<Prisma.ModelUncheckedCreateInput> = {}) {
  return db.model.create({ data: { ownerId, name: `m ${randomUUID().slice(0, 8)}`, ...extra } });
}

/** A submission of `modelId` with `bytes` (random unless given) as its artifact. */
export async function seedSubmission(
  db: Db,
  model: { id: string; ownerId: string },
  row: Partial<Submission> = {},
  bytes: Uint8Array = new TextEncoder().encode(randomUUID()),
): Promise<Submission> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.upsert({
    where: { sha256 },
    create: { sha256, sizeBytes: bytes.byteLength, bytes: Buffer.from(bytes) },
    update: {},
  });
  return db.submission.create({
    data: {
      submitterId: model.ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      originalFilename: 'm.onnx',
      ...(row as object),
      modelId: model.id,
      artifactSha256: sha256,
    },
  });
}

/** An evaluation row with the given accuracies (the other numbers are placeholders no test reads). */
export async function seedEvaluation(
  db: Db,
  submissionId: string,
  accuracy: number,
  shiftedAccuracy: number | null,
  shiftedCheck: 'RUNNING' | 'DONE' | 'FAILED' = 'DONE',
) {
  const correct = Math.round(accuracy * 10_000);
  return db.evaluation.create({
    data: {
      submissionId,
      scorerVersion: 'test',
      backend: 'test',
      backendVersion: '0',
      datasetSha256: 'x',
      modelSha256: 'x',
      total: 10_000,
      correct,
      accuracy,
      accuracyCiLow: accuracy,
      accuracyCiHigh: accuracy,
      perClassRecall: Array(10).fill(accuracy),
      perClassPrecision: Array(10).fill(accuracy),
      perClassF1: Array(10).fill(accuracy),
      confusionMatrix: Array(100).fill(0),
      predictions: new Uint8Array(10_000),
      shiftedAccuracy,
      shiftedCheck,
      artifactBytes: 1,
      imagesPerSecond: 1,
      meanLatencyMs: 1,
      durationMs: 1,
    },
  });
}
