import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { packTfjsFiles } from './pack-tfjs-files.ts';
import { readTfjsFormat } from './read-tfjs-format.ts';
import { readZippedModelJson } from './read-zipped-model-json.ts';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('packTfjsFiles', () => {
  it('makes the same archive from the same files in any order, flat by base name', async () => {
    const files = [
      { name: 'model.json', bytes: json({ format: 'layers-model' }) },
      { name: 'some/dir/group1-shard1of1.bin', bytes: Uint8Array.from([1, 2, 3]) },
    ];
    const a = await packTfjsFiles(files);
    const b = await packTfjsFiles([...files].reverse());
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const zip = await JSZip.loadAsync(a);
    expect(Object.keys(zip.files).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    expect([...(await zip.file('group1-shard1of1.bin')!.async('uint8array'))]).toEqual([1, 2, 3]);
  });

  it('refuses two files with the same name', async () => {
    await expect(
      packTfjsFiles([
        { name: 'a/w.bin', bytes: new Uint8Array(1) },
        { name: 'b/w.bin', bytes: new Uint8Array(1) },
      ]),
    ).rejects.toThrow(/Two uploaded files are named "w.bin"/);
  });
});

describe('readTfjsFormat', () => {
  it('tells layers and graph models apart and explains anything else', () => {
    expect(readTfjsFormat(json({ format: 'graph-model' }))).toEqual({ kind: 'graph-model' });
    expect(readTfjsFormat(json({ modelTopology: {} }))).toMatchObject({
      problem: expect.stringMatching(/does not say "format"/),
    });
    expect(readTfjsFormat(new TextEncoder().encode('{oops'))).toEqual({ problem: 'model.json is not valid JSON.' });
  });
});

describe('readZippedModelJson', () => {
  it('reads the kind from model.json at the root or in one folder, and explains archives without one', async () => {
    const packed = await packTfjsFiles([{ name: 'model.json', bytes: json({ format: 'layers-model' }) }]);
    expect(await readZippedModelJson(packed)).toEqual({ kind: 'layers-model' });
    const nested = new JSZip();
    nested.file('my-model/model.json', JSON.stringify({ format: 'graph-model' }));
    expect(await readZippedModelJson(await nested.generateAsync({ type: 'uint8array' }))).toEqual({
      kind: 'graph-model',
    });
    const pytorch = new JSZip();
    pytorch.file('archive/data.pkl', 'pickle');
    expect(await readZippedModelJson(await pytorch.generateAsync({ type: 'uint8array' }))).toMatchObject({
      problem: expect.stringMatching(/no model\.json.*torch\.onnx\.export/),
    });
    expect(await readZippedModelJson(Uint8Array.of(0x50, 0x4b, 3, 4, 0))).toMatchObject({
      problem: expect.stringMatching(/could not be read/),
    });
  });
});
