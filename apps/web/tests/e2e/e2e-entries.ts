import { getDb } from '@tenfold/db';
import { type Credentials, callApp, uploadModel } from './http-client.ts';

// Entries made the way users make them (an upload over HTTP), then put into the states tests
// need (scored, hidden, disqualified, failed) directly in PostgreSQL: no worker is running.

export type Entry = { submissionId: string; modelId: string };

export async function uploadEntry(
  baseUrl: string,
  databaseUrl: string,
  credentials: Credentials,
  visibility: 'public' | 'private' = 'public',
): Promise<Entry> {
  const modelName = `Entry ${crypto.randomUUID().slice(0, 8)}`;
  const { submissionId } = await uploadModel(baseUrl, credentials, { modelName, visibility });
  const row = await getDb(databaseUrl).submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: { modelId: true },
  });
  return { submissionId, modelId: row.modelId };
}

/** Marks the submission SCORED with one evaluation (all predictions "1") and returns the evaluation's id. */
export async function scoreEntry(databaseUrl: string, submissionId: string): Promise<string> {
  const db = getDb(databaseUrl);
  await db.submission.update({ where: { id: submissionId }, data: { status: 'SCORED', finishedAt: new Date() } });
  const evaluation = await db.evaluation.create({
    data: {
      submissionId,
      scorerVersion: '0.9.0',
      backend: 'onnxruntime-node/cpu',
      backendVersion: 'e2e',
      datasetSha256: 'd'.repeat(64),
      modelSha256: 'm'.repeat(64),
      total: 10_000,
      correct: 1_135,
      accuracy: 0.1135,
      accuracyCiLow: 0.107,
      accuracyCiHigh: 0.12,
      predictions: Buffer.alloc(10_000, 1),
      artifactBytes: 100,
      imagesPerSecond: 1,
      meanLatencyMs: 1,
      durationMs: 1,
    },
    select: { id: true },
  });
  return evaluation.id;
}

/** An API token of the signed-in user behind `cookie`. */
export async function createToken(baseUrl: string, cookie: string): Promise<{ id: string; token: string }> {
  const response = await callApp(baseUrl, { cookie }, { method: 'POST', path: '/api/tokens', json: { name: 'e2e' } });
  if (response.status !== 201) throw new Error(`token: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; token: string };
}
