import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputContract } from '@tenfold/scoring';
import { predictTfjs, type TfjsBackendName } from '@tenfold/scoring/engines';
import JSZip from 'jszip';

/** The fixture's TF.js export of a network, zipped as Tenfold stores TF.js uploads. */
export async function zipTfjsFixture(folder: string): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of readdirSync(folder)) zip.file(name, readFileSync(join(folder, name)), { date: new Date(0) });
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * Seconds TF.js on one backend spends classifying every image, in process (the predictor's own
 * inference timing: backend start-up and model loading, paid once per scoring, are left out).
 */
export async function measureTfjs(
  modelBytes: Uint8Array,
  layout: InputContract['layout'],
  images: Uint8Array,
  count: number,
  normalization: { mean: number; std: number },
  backend: TfjsBackendName,
): Promise<number> {
  const prediction = await predictTfjs({
    modelBytes,
    contract: { layout, scale: 'standard', output: 'logits' },
    scaling: normalization,
    images,
    count,
    threads: 1,
    backend,
  });
  return prediction.inferenceMs / 1000;
}
