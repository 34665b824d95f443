import { measureHttpLoad } from './measure-http-load.ts';

type Measured = Awaited<ReturnType<typeof measureHttpLoad>>;
export type MeasuredRow = {
  name: string;
  alone: Measured;
  result: Measured;
  p99Ratio: number;
  throughputRatio: number;
};

/** The peer of every row: what this machine serves at best under the same load. */
const STATIC_FILE: readonly [string, string] = ['reference: a static file', '/icon.svg'];

/**
 * Measures a static file and then each URL (warm-up, one client, then `clients` closed-loop
 * clients for `seconds`), and gives every row its p99 and throughput as ratios to the static
 * file's in the same run, so that runs on busy and idle machines compare by ratio rather than by
 * raw milliseconds. Prints a line per row as it goes and the table at the end.
 */
export async function measureAgainstStatic(
  baseUrl: string,
  urls: readonly (readonly [name: string, path: string])[],
  clients: number,
  seconds: number,
): Promise<MeasuredRow[]> {
  const measured: { name: string; alone: Measured; result: Measured }[] = [];
  for (const [name, path] of [STATIC_FILE, ...urls]) {
    await measureHttpLoad(`${baseUrl}${path}`, 4, 3); // warm up: compile caches, connection pool, dataset load
    const alone = await measureHttpLoad(`${baseUrl}${path}`, 1, 3);
    const result = await measureHttpLoad(`${baseUrl}${path}`, clients, seconds);
    measured.push({ name, alone, result });
    console.log(`${name}: ${result.perSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms`);
  }
  const peer = measured[0]?.result;
  if (!peer) throw new Error('no reference row');
  const rows = measured.map((row) => ({
    ...row,
    p99Ratio: row.result.p99 / peer.p99,
    throughputRatio: row.result.perSecond / peer.perSecond,
  }));
  console.log(`\n${clients} clients, ${seconds} s each\n`);
  console.log(
    '| request | 1 client p50 ms | requests | req/s | p50 ms | p95 ms | p99 ms | p99 vs static | req/s vs static | KiB sent | errors |',
  );
  console.log(
    '| ------- | --------------- | -------- | ----- | ------ | ------ | ------ | ------------- | --------------- | -------- | ------ |',
  );
  for (const { name, alone, result, p99Ratio, throughputRatio } of rows) {
    console.log(
      `| ${name} | ${alone.p50.toFixed(1)} | ${result.requests} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${p99Ratio.toFixed(2)}x | ${throughputRatio.toFixed(2)}x | ${result.kb.toFixed(0)} | ${result.errors} |`,
    );
  }
  return rows;
}
