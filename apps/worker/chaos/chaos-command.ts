// `npm run chaos -- --submissions N [--workers N] [--keep-logs]`: the fault-injection run (see run-chaos.ts) at
// any size. Prints the faults as they happen and ends with the line
// `submissions=N final=N lost=0 duplicates=0 stuck=0`; exits 1 unless every count is clean.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runChaos } from './run-chaos.ts';

const argsSchema = z.object({
  submissions: z.coerce.number().int().min(1).max(10_000).default(200),
  workers: z.coerce.number().int().min(1).max(8).default(2),
  'keep-logs': z.boolean().default(false),
});

const { values } = parseArgs({
  options: { submissions: { type: 'string' }, workers: { type: 'string' }, 'keep-logs': { type: 'boolean' } },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(
    `usage: npm run chaos -- --submissions N [--workers N] [--keep-logs]\n${z.prettifyError(parsed.error)}`,
  );
  process.exit(2);
}
const { submissions, workers, 'keep-logs': keepLogs } = parsed.data;

const report = await runChaos({
  submissions,
  workers,
  keepLogs,
  // A large backlog on two cores takes a while after the last fault.
  settleTimeoutMs: Math.max(60_000, submissions * 2_000),
  log: (line) => console.log(line),
});
console.log(
  `statuses ${JSON.stringify(report.statuses)}; ${report.retried} scored after a retry; ${(report.elapsedMs / 1000).toFixed(1)} s`,
);
if (report.logDir) console.log(`worker logs kept in ${report.logDir}`);
console.log(
  `submissions=${report.submissions} final=${report.final} lost=${report.lost} duplicates=${report.duplicates} stuck=${report.stuck}`,
);
const isClean = report.final === report.submissions && report.lost + report.duplicates + report.stuck === 0;
process.exit(isClean ? 0 : 1);
