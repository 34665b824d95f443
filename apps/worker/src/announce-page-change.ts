import { type PageChange, readPageChangeSecret } from '@tenfold/queue';
import type { Redis } from 'ioredis';

/** Tries and pauses: about 1.5 s in all, inside the ~2 s a visitor may see an older board. */
const PAUSES_MS = [0, 250, 500, 750];

/**
 * Tells the web app that a committed result changed public pages (its internal route
 * `/api/internal/page-changes` drops them from the page cache). Never throws and never delays
 * the job: the result is already committed, and a web app that cannot be reached either is down
 * (it starts with an empty page cache) or comes back to a page within its time-based limit.
 */
export function createPageChangeAnnouncer(options: { webUrl: string; redis: Redis; prefix: string }) {
  const url = new URL('/api/internal/page-changes', options.webUrl);
  return (change: PageChange): void => {
    void (async () => {
      let lastProblem = '';
      for (const pause of PAUSES_MS) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        try {
          const secret = await readPageChangeSecret(options.redis, options.prefix);
          const response = await fetch(url, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify(change),
            signal: AbortSignal.timeout(2_000),
          });
          if (response.ok) return;
          lastProblem = `HTTP ${response.status}`;
        } catch (error) {
          lastProblem = error instanceof Error ? error.message : String(error);
        }
      }
      console.warn(`[tenfold] could not tell the web app at ${url.origin} that pages changed (${lastProblem})`);
    })();
  };
}
