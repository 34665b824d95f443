// `npm start` runs this before it starts the worker: which datasets the worker will find (with
// the same environment and sources), and for each missing one what is missing and how to get it.
// Exits 1 when one is missing; the worker still starts and leaves that dataset's jobs queued.
import { DATASETS } from '@tenfold/datasets';
import { createDatasetAvailability } from './dataset-availability.ts';
import { readEnv } from './env.ts';

const env = readEnv();
const datasets = createDatasetAvailability({
  dataDir: env.TENFOLD_DATASETS_DIR,
  usePackagedSources: env.TENFOLD_DATASETS_PACKAGED,
});
await datasets.refresh();
const { problems } = datasets.status();
for (const info of Object.values(DATASETS)) {
  const problem = problems[info.enumValue];
  console.log(
    problem
      ? `${info.name}: MISSING, its submissions will wait in the queue until a worker has it. ${problem}`
      : `${info.name}: ok`,
  );
}
process.exit(Object.keys(problems).length ? 1 : 0);
