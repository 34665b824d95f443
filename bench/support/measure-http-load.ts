import { Agent, request } from 'node:http';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** What browsers send: the server picks among these, as it does for visitors. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** One GET: its status and the bytes of its body as they came over the wire. */
function get(url: string, agent: Agent): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { agent, headers: { 'accept-encoding': ACCEPT_ENCODING } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/**
 * A closed loop of `clients` clients on one URL for `seconds`: each sends its next request when
 * the last one answered. Latency percentiles, throughput, mean body size on the wire (KiB) and
 * non-2xx answers.
 *
 * The clients read each body to its end but do not decode it: they share the machine's cores
 * with the server they measure, and gunzipping a 2.4 MiB export per response cost this process
 * more CPU than the server spent sending it (a visitor's browser decodes on its own machine).
 */
export async function measureHttpLoad(url: string, clients: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const start = performance.now();
          const response = await get(url, agent);
          latencies.push(performance.now() - start);
          bytes += response.bytes;
          if (response.status < 200 || response.status > 299) errors += 1;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    kb: bytes / latencies.length / 1024,
    errors,
  };
}
