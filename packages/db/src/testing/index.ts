import { randomBytes } from 'node:crypto';
import { disconnectDb } from '../client.ts';
import { getDbEnv } from '../env.ts';
import { applyMigrations } from '../migrate/apply-migrations.ts';
import { withDatabase } from '../migrate/database-url.ts';
import { dropDatabase } from '../migrate/drop-database.ts';

export { pause, type WaitUntilOptions, waitUntil } from './wait-until.ts';

export interface TestDatabase {
  /** URL of the new database, for getDb() or a child process's DATABASE_URL. */
  databaseUrl: string;
  /** Disconnects getDb's client for this URL and drops the database (also other sessions on it). */
  drop(): Promise<void>;
}

// PostgreSQL truncates identifiers to 63 bytes.
const MAX_NAME_LENGTH = 63;

/**
 * A new database with the committed migrations applied, on the server of TEST_DATABASE_URL.
 * Applying them takes well under a second (about 0.1 s), so every test file can have its own.
 */
export async function createTestDatabase(prefix = 'db'): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  const label =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'db';
  const head = `tenfold_test_${label}`.slice(0, MAX_NAME_LENGTH - suffix.length - 1);
  const databaseUrl = withDatabase(getDbEnv().TEST_DATABASE_URL, `${head}_${suffix}`);
  const drop = async () => {
    await disconnectDb(databaseUrl);
    await dropDatabase(databaseUrl);
  };
  try {
    await applyMigrations({ databaseUrl });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { databaseUrl, drop };
}

/**
 * The columns of an evaluation row with made-up but consistent numbers at `accuracy` (every
 * class at that recall, a ±0.4-point interval), for tests about which row counts, not about
 * metrics. Spread it into `evaluation.create({ data: { submissionId, ...placeholderEvaluation(a) } })`.
 */
export function placeholderEvaluation(accuracy: number) {
  return {
    scorerVersion: '1.0.0',
    backend: 'onnxruntime-node',
    backendVersion: '1.30.0',
    datasetSha256: 'd'.repeat(64),
    modelSha256: 'm'.repeat(64),
    total: 10_000,
    correct: Math.round(accuracy * 10_000),
    accuracy,
    accuracyCiLow: accuracy - 0.004,
    accuracyCiHigh: accuracy + 0.004,
    perClassRecall: Array.from({ length: 10 }, () => accuracy),
    perClassPrecision: Array.from({ length: 10 }, () => accuracy),
    perClassF1: Array.from({ length: 10 }, () => accuracy),
    confusionMatrix: Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 1000 : 0)),
    predictions: new Uint8Array(10_000),
    artifactBytes: 100,
    imagesPerSecond: 50_000,
    meanLatencyMs: 0.02,
    durationMs: 200,
  };
}
