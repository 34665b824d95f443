import { randomUUID } from 'node:crypto';
import { loadSplit } from '@tenfold/datasets';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, type TestDatabase } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue, type ScoringQueue } from '@tenfold/queue';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescoreBatch } from '@/server/rescoring/create-rescore-batch';
import { seedBoard } from './support/seed-board.ts';

// Creating a batch of 10,000 submissions must stay quick: items in bulk INSERTs, jobs in bulk.

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let database: TestDatabase;
let db: Db;
let connection: Redis;
let queue: ScoringQueue;

beforeAll(async () => {
  database = await createTestDatabase('web_rescore_size');
  db = getDb(database.databaseUrl);
  connection = createRedisConnection(REDIS_URL, { role: 'producer' });
  queue = createScoringQueue(connection, `tenfold-test-${randomUUID()}`);
  const { labels } = await loadSplit('mnist', 'test');
  await seedBoard(db, { models: 5_000, submissionsPerModel: 2, labels: { mnist: labels } });
}, 300_000);

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  connection?.disconnect();
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
}, 60_000);

describe('a rescore batch of 10,000 submissions', () => {
  it('is created, with old ranks and queued jobs, within seconds', async () => {
    const admin = await db.user.create({
      data: { email: `${randomUUID()}@tenfold.test`, name: 'Admin', role: 'ADMIN' },
    });
    const started = performance.now();
    const result = await createRescoreBatch(
      { db, queue },
      { userId: admin.id, role: 'ADMIN', via: 'session', credentialId: 'test-session' },
      { selection: { kind: 'dataset', dataset: 'mnist' }, reason: 'Size check' },
    );
    const elapsedMs = performance.now() - started;
    if (!result.ok) throw new Error(result.message);
    expect(result.total).toBe(10_000);
    expect(await db.rescoreItem.count({ where: { batchId: result.batchId } })).toBe(10_000);
    // One board entry per model: each model's better submission has a rank, the other none.
    expect(await db.rescoreItem.count({ where: { batchId: result.batchId, oldRank: { not: null } } })).toBe(5_000);
    expect(await queue.getJobCounts('prioritized')).toEqual({ prioritized: 10_000 });
    expect(elapsedMs).toBeLessThan(20_000);
    console.log(`created a batch of 10,000 in ${Math.round(elapsedMs)} ms`);
  }, 120_000);
});
