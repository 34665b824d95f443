import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { packTfjsFiles } from './pack-tfjs-files.ts';
import { readTfjsFormat } from './read-tfjs-format.ts';
import { readZippedModelKind } from './read-zipped-model-kind.ts';

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

describe('readZippedModelKind', () => {
  it('reads the kind from model.json at the root or in one folder, and explains archives without one', async () => {
    const packed = await packTfjsFiles([{ name: 'model.json', bytes: json({ format: 'layers-model' }) }]);
    expect(await readZippedModelKind(packed)).toEqual({ format: 'tfjs', kind: 'layers-model' });
    const nested = new JSZip();
    nested.file('my-model/model.json', JSON.stringify({ format: 'graph-model' }));
    expect(await readZippedModelKind(await nested.generateAsync({ type: 'uint8array' }))).toEqual({
      format: 'tfjs',
      kind: 'graph-model',
    });
    const pytorch = new JSZip();
    pytorch.file('archive/data.pkl', 'pickle');
    expect(await readZippedModelKind(await pytorch.generateAsync({ type: 'uint8array' }))).toMatchObject({
      problem: expect.stringMatching(/neither model\.json.*torch\.onnx\.export/),
    });
    expect(await readZippedModelKind(Uint8Array.of(0x50, 0x4b, 3, 4, 0))).toMatchObject({
      problem: expect.stringMatching(/could not be read/),
    });
  });

  it('recognises an ONNX export folder (model.onnx + model.onnx.data), and refuses two models', async () => {
    const folder = new JSZip();
    folder.file('export/model.onnx', Uint8Array.of(8, 10));
    folder.file('export/model.onnx.data', Uint8Array.of(1, 2, 3));
    expect(await readZippedModelKind(await folder.generateAsync({ type: 'uint8array' }))).toEqual({ format: 'onnx' });
    folder.file('export/other.onnx', Uint8Array.of(8, 10));
    expect(await readZippedModelKind(await folder.generateAsync({ type: 'uint8array' }))).toMatchObject({
      problem: expect.stringMatching(/more than one \.onnx/),
    });
  });
});
