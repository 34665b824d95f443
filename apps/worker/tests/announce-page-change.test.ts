import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@tenfold/db/testing';
import { createRedisConnection, readPageChangeSecret } from '@tenfold/queue';
import { afterAll, describe, expect, it } from 'vitest';
import { createPageChangeAnnouncer } from '../src/announce-page-change.ts';

const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { role: 'worker' });
const prefix = `tenfold-announce-${randomUUID()}`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('createPageChangeAnnouncer', () => {
  it('posts the change with the secret from Redis, trying again after a refusal', async () => {
    const seen: { authorization?: string; body: string }[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        seen.push({ authorization: request.headers.authorization, body });
        // The first try finds the web app busy, as a restarting one would be.
        response.writeHead(seen.length === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const announce = createPageChangeAnnouncer({ webUrl: `http://127.0.0.1:${port}`, redis, prefix });
      announce({ dataset: 'FASHION_MNIST', modelId: 'model-1' });
      await waitUntil(() => seen.length === 2, { timeoutMs: 5_000, description: 'a second try' });
      const secret = await readPageChangeSecret(redis, prefix);
      for (const request of seen) {
        expect(request.authorization).toBe(`Bearer ${secret}`);
        expect(JSON.parse(request.body)).toEqual({ dataset: 'FASHION_MNIST', modelId: 'model-1' });
      }
    } finally {
      server.close();
    }
  });
});
