import type { Db } from '@tenfold/db';
import { enqueueScoring, type ScoringQueue } from '@tenfold/queue';
import { sha256Hex } from '@tenfold/scoring';
import { buildSlowModel } from './build-slow-model.ts';

/**
 * What every chaos submission must score: its model predicts class 0 for every image, and 980 of
 * MNIST's 10,000 test images are zeros. A result that differs was computed or stored wrongly.
 */
export const EXPECTED_ACCURACY = 0.098;

/**
 * Creates `count` submissions the way the web app does (row first, then the job), each of a
 * one-hidden-layer model that takes about a second to score, so faults hit jobs in flight.
 */
export async function seedSubmissions(db: Db, queue: ScoringQueue, count: number): Promise<string[]> {
  const bytes = buildSlowModel(0);
  const sha256 = sha256Hex(bytes);
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.length, bytes: Buffer.from(bytes) } });
  const user = await db.user.create({ data: { email: 'chaos@example.com', name: 'Chaos' } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const model = await db.model.create({ data: { ownerId: user.id, name: `chaos-${i}` } });
    const { id } = await db.submission.create({
      data: {
        modelId: model.id,
        submitterId: user.id,
        dataset: 'MNIST',
        format: 'ONNX',
        artifactSha256: sha256,
        originalFilename: `chaos-${i}.onnx`,
      },
    });
    await enqueueScoring(queue, { submissionId: id });
    ids.push(id);
  }
  return ids;
}
