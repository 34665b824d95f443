function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * A closed loop of `clients` clients on one URL for `seconds`: each sends its next request when
 * the last one answered. Latency percentiles, throughput, mean body size and non-2xx answers.
 */
export async function measureHttpLoad(url: string, clients: number, seconds: number) {
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        const response = await fetch(url);
        const body = await response.arrayBuffer();
        latencies.push(performance.now() - start);
        bytes += body.byteLength;
        if (!response.ok) errors += 1;
      }
    }),
  );
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
