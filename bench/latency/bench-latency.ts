// `npm run bench:latency`: upload -> on the board's page, through the real web app (`next start`
// of apps/web's production build; run `npx turbo run build --filter=@tenfold/web` first) and a
// real worker process (its compiled bundle, which the npm script builds), on a throwaway database and queue prefix of the local PostgreSQL and Redis.
// For each network, N submissions one after the other on an idle queue (each waits until the one
// before has finished its shifted-copy check): the time from sending the upload (POST
// /api/submissions, as the form sends it) until GET /datasets/mnist lists the model,
// p50 and p95, beside bare ONNX Runtime's time for the same network measured in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { startProcess, stopProcess } from '../../apps/web/tests/e2e/processes.ts';
import { REPO_ROOT, startWebApp } from '../../apps/web/tests/e2e/web-app.ts';
import { measureBestBareOnnx } from '../scoring/measure-bare-onnx.ts';

const NETWORKS = {
  cnn: {
    file: 'packages/scoring/tests/fixtures/pytorch/cnn.onnx',
    scale: 'standard',
    fields: { mean: '0.1307', std: '0.3081' },
  },
  resnet: { file: 'bench/scoring/fixtures/resnet.onnx', scale: 'unit', fields: {} },
} as const;
const POLL_MS = 100;
const { values } = parseArgs({
  options: { submissions: { type: 'string', default: '20' }, networks: { type: 'string', default: 'cnn,resnet' } },
});
const submissions = Number(values.submissions);
const networks = values.networks.split(',') as Array<keyof typeof NETWORKS>;
if (!Number.isInteger(submissions) || submissions < 1 || networks.some((name) => !(name in NETWORKS))) {
  console.error('usage: npm run bench:latency -- [--submissions N] [--networks cnn,resnet]');
  process.exit(2);
}

const app = await startWebApp('bench_latency', { SUBMISSIONS_PER_HOUR: '10000', SUBMISSIONS_PER_DAY: '10000' });
// As the worker's start script runs it: its compiled bundle.
const worker = startProcess('worker', process.execPath, ['apps/worker/dist/index.mjs'], {
  cwd: REPO_ROOT,
  env: app.env,
});
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

try {
  // Signed up through better-auth's real endpoint, as the sign-up page does it.
  const email = `bench-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const signUp = await fetch(`${app.baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.baseUrl },
    body: JSON.stringify({ name: 'Bench', email, password: `pw-${crypto.randomUUID()}` }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up: HTTP ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const boardLists = async (name: string) =>
    (await (await fetch(`${app.baseUrl}/datasets/mnist`)).text()).includes(name);
  /** Seconds from the upload's request to the board's page listing the model. */
  const uploadToBoard = async (bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string>, name: string) => {
    const started = performance.now();
    const form = new FormData();
    for (const [key, value] of Object.entries({ dataset: 'mnist', modelName: name, ...fields })) form.set(key, value);
    form.set('file', new File([bytes], 'model.onnx'));
    const response = await fetch(`${app.baseUrl}/api/submissions`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: app.baseUrl, Accept: 'application/json' },
      body: form,
    });
    if (response.status !== 201) throw new Error(`upload: HTTP ${response.status} ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const waitFor = async (done: () => Promise<boolean>) => {
      while (!(await done())) {
        if (performance.now() - started > 300_000) throw new Error(`${name}: still waiting after 5 min`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    };
    await waitFor(() => boardLists(name));
    const seconds = (performance.now() - started) / 1000;
    // An idle queue for the next one: this job ends with its shifted-copy check, after the board.
    await waitFor(async () => {
      const page = await fetch(`${app.baseUrl}/submissions/${id}`, { headers: { Cookie: cookie } });
      return !(await page.text()).includes('shifted-check-running');
    });
    return seconds;
  };
  const test = await loadSplit('mnist', 'test');
  const rows: string[] = [];
  for (const network of networks) {
    const { file, scale, fields: extra } = NETWORKS[network];
    const fields = { scale, ...extra };
    const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, file))) as Uint8Array<ArrayBuffer>;
    const normalization = scale === 'standard' ? getDatasetInfo('mnist').normalization : null;
    const { seconds: bare } = await measureBestBareOnnx(bytes, test.images, test.count, normalization, 3);
    // The first one pays the worker's start (datasets, its first scoring process): not counted.
    await uploadToBoard(bytes, fields, `bench${network}warmup${crypto.randomUUID().slice(0, 8)}`);
    const times: number[] = [];
    for (let i = 0; i < submissions; i++) {
      times.push(await uploadToBoard(bytes, fields, `bench${network}${i}x${crypto.randomUUID().slice(0, 8)}`));
    }
    times.sort((a, b) => a - b);
    rows.push(
      `${network}: submissions=${submissions} p50=${percentile(times, 0.5).toFixed(2)}s p95=${percentile(times, 0.95).toFixed(2)}s bare-ORT=${bare.toFixed(2)}s p50/bare=${(percentile(times, 0.5) / bare).toFixed(2)}x`,
    );
    console.log(rows.at(-1));
  }
} finally {
  await stopProcess(worker);
  await app.stop();
}
