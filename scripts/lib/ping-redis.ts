// Exit 0 when a Redis server answers PING at the URL given as the only argument.
import { Redis } from 'ioredis';

const redis = new Redis(process.argv[2], {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  connectTimeout: 2000,
  retryStrategy: () => null,
});
try {
  await redis.connect();
  await redis.ping();
  redis.disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
