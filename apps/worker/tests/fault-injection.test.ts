import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/run-chaos.ts';

// The small fault-injection run: real worker processes, a private Redis and a private PostgreSQL
// (never the shared servers other tests use). `npm run chaos -- --submissions 200` is the large one.
describe('fault injection', () => {
  it('ends every submission scored exactly once through worker kills and Redis and PostgreSQL restarts', async () => {
    const lines: string[] = [];
    const report = await runChaos({
      submissions: 12,
      workers: 2,
      faults: { kill: 2, 'restart-redis': 1, 'restart-postgres': 1, terminate: 1 },
      settleTimeoutMs: 45_000,
      log: (line) => lines.push(line),
    });
    const summary = `${lines.join('\n')}\n${JSON.stringify(report, null, 2)}`;
    expect(report.faults, summary).toHaveLength(5);
    expect(
      report.faults.filter((fault) => fault.includes('SIGKILL while scoring cm')),
      summary,
    ).toHaveLength(2);
    expect(
      { final: report.final, lost: report.lost, duplicates: report.duplicates, stuck: report.stuck },
      summary,
    ).toEqual({ final: 12, lost: 0, duplicates: 0, stuck: 0 });
    // The SIGKILLed workers were scoring: their submissions were picked up again and scored.
    expect(report.retried, summary).toBeGreaterThanOrEqual(1);
  }, 150_000);
});
