import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packTfjsFiles } from '@tenfold/artifacts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

// The same CNN as packages/scoring's PyTorch fixture, exported as a TF.js LayersModel, with
// PyTorch's own predictions on the 10,000 MNIST test images.
const FIXTURES = join(import.meta.dirname, '../../../packages/scoring/tests/fixtures');

let fixture: WorkerFixture;
beforeAll(async () => {
  fixture = await createWorkerFixture('tfjs');
  fixture.startWorker();
});
afterAll(() => fixture?.close());

describe('the worker on a TF.js submission', () => {
  it("scores it on the TF.js backend it records, with exactly PyTorch's predictions", async () => {
    const folder = join(FIXTURES, 'tfjs/cnn');
    const archive = await packTfjsFiles(
      readdirSync(folder).map((name) => ({ name, bytes: readFileSync(join(folder, name)) })),
    );
    const id = await fixture.submit('tfjs-cnn', archive, {
      row: { format: 'TFJS_LAYERS', inputLayout: 'NHWC', inputScale: 'STANDARD', inputMean: 0.1307, inputStd: 0.3081 },
    });
    await fixture.waitFor(id, fixture.isFinal);
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id }, include: { evaluations: true } });
    expect(row.statusReason).toBeNull();
    expect(row.status).toBe('SCORED');
    const evaluation = row.evaluations[0]!;
    expect(evaluation.backend).toMatch(/^tfjs-(wasm|cpu|node)$/);
    const torch = readFileSync(join(FIXTURES, 'pytorch/cnn.predictions'));
    expect(Buffer.compare(evaluation.predictions, torch)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'pytorch/manifest.json'), 'utf8'));
    expect(evaluation.parameterCount).toBe(manifest.models.cnn.parameters);
  });

  it('scores a Keras model without a channel axis, stored as layout NHW, with the same predictions', async () => {
    const folder = join(FIXTURES, 'tfjs/mlp');
    const files = readdirSync(folder).map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
    // The same MLP, its Flatten declared on [N, 28, 28] as Keras writes Flatten(input_shape=(28, 28)).
    const modelJson = files.find((file) => file.name === 'model.json')!;
    const json = JSON.parse(modelJson.bytes.toString('utf8'));
    json.modelTopology.config.layers[0].config.batch_input_shape = [null, 28, 28];
    modelJson.bytes = Buffer.from(JSON.stringify(json));
    const id = await fixture.submit('tfjs-mlp-nhw', await packTfjsFiles(files), {
      row: { format: 'TFJS_LAYERS', inputLayout: 'NHW', inputScale: 'STANDARD', inputMean: 0.1307, inputStd: 0.3081 },
    });
    await fixture.waitFor(id, fixture.isFinal);
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id }, include: { evaluations: true } });
    expect(row.statusReason).toBeNull();
    expect(row.status).toBe('SCORED');
    const torch = readFileSync(join(FIXTURES, 'pytorch/mlp.predictions'));
    expect(Buffer.compare(row.evaluations[0]!.predictions, torch)).toBe(0);
  });
});
