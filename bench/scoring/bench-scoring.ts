// `npm run bench:scoring`: for the linear, MLP and CNN fixture networks, measures in one run
// PyTorch's own CPU evaluation (Debian's python3-torch), bare ONNX Runtime, and Tenfold's whole
// scoring of a submission (child process, load, checks, sanity pass, test + shifted copy,
// metrics), and TF.js on each backend present (the same weights, exported as LayersModels),
// with the same thread count, and prints images per second and the ratios.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { disposeSpareSandboxes, scoreArtifact, takeSanitySample } from '@tenfold/scoring';
import { measureBareOnnx } from './measure-bare-onnx.ts';
import { measureTfjs, zipTfjsFixture } from './measure-tfjs.ts';

const FIXTURES = join(import.meta.dirname, '../../packages/scoring/tests/fixtures/pytorch');
const TFJS_FIXTURES = join(import.meta.dirname, '../../packages/scoring/tests/fixtures/tfjs');
const tfjsLayouts = JSON.parse(readFileSync(join(TFJS_FIXTURES, 'manifest.json'), 'utf8')).models as Record<
  string,
  { layout: 'nchw' | 'nhwc' | 'flat' }
>;
const NETWORKS = ['linear', 'mlp', 'cnn'] as const;
const { values } = parseArgs({
  options: { threads: { type: 'string', default: '1' }, repeats: { type: 'string', default: '3' } },
});
const threads = Number(values.threads);
const repeats = Number(values.repeats);
const normalization = getDatasetInfo('mnist').normalization;

const torch = JSON.parse(
  execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'pytorch_eval.py'), String(threads), String(repeats)], {
    encoding: 'utf8',
  }),
) as Record<string, { seconds: number }>;

const [test, train, fashionTrain] = await Promise.all([
  loadSplit('mnist', 'test'),
  loadSplit('mnist', 'train'),
  loadSplit('fashion-mnist', 'train'),
]);
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-bench-'));
const best = async (run: () => Promise<number>) => {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) fastest = Math.min(fastest, await run());
  return fastest;
};

const rows: string[][] = [];
for (const name of NETWORKS) {
  const modelBytes = new Uint8Array(readFileSync(join(FIXTURES, `${name}.onnx`)));
  const bare = await best(() => measureBareOnnx(modelBytes, test.images, test.count, normalization, threads));
  const whole = await best(async () => {
    const started = performance.now();
    await scoreArtifact({
      modelBytes,
      format: 'onnx',
      contract: { layout: 'nchw', scale: 'standard', output: 'logits' },
      dataset: { ...test, name: 'MNIST', normalization },
      sanity: {
        own: takeSanitySample(train),
        other: { ...takeSanitySample(fashionTrain), datasetName: 'Fashion-MNIST' },
      },
      limits: { wallTimeMs: 300_000, memoryMb: 4096 },
      workDir,
      threads,
      // As in the worker, which keeps a started scoring process ready for its next job.
      keepWarm: true,
    });
    return (performance.now() - started) / 1000;
  });
  const tfjsBytes = await zipTfjsFixture(join(TFJS_FIXTURES, name));
  const layout = tfjsLayouts[name]?.layout ?? 'nhwc';
  const wasm = await best(() => measureTfjs(tfjsBytes, layout, test.images, test.count, normalization, 'tfjs-wasm'));
  // The pure-JS backend is 30x slower: one run is enough to place it.
  const cpu = await measureTfjs(tfjsBytes, layout, test.images, test.count, normalization, 'tfjs-cpu');
  const pytorch = torch[name]?.seconds ?? Number.NaN;
  const target = 1.3 * bare + 0.5;
  rows.push([
    name,
    Math.round(10_000 / pytorch).toLocaleString('en'),
    Math.round(10_000 / bare).toLocaleString('en'),
    `${(pytorch / bare).toFixed(1)}x`,
    `${whole.toFixed(3)} s`,
    `${target.toFixed(3)} s`,
    whole <= target ? 'met' : 'MISSED',
    Math.round(10_000 / wasm).toLocaleString('en'),
    `${(bare / wasm).toFixed(2)}x`,
    Math.round(10_000 / cpu).toLocaleString('en'),
  ]);
}
await disposeSpareSandboxes();
rmSync(workDir, { recursive: true, force: true });

const header = [
  'network',
  'PyTorch img/s',
  'bare ORT img/s',
  'ORT vs PyTorch',
  'Tenfold whole',
  '1.3 x ORT + 0.5 s',
  'target',
  'TF.js wasm img/s',
  'wasm vs ORT',
  'TF.js cpu img/s',
];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`MNIST test split (10,000 images), ${threads} thread(s), best of ${repeats}`);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
