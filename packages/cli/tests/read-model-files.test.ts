import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../src/exit-codes.ts';
import { readModelFiles } from '../src/read-model-files.ts';

let dir: string;

const modelJson = (paths: unknown[]) =>
  JSON.stringify({
    format: 'layers-model',
    modelTopology: {},
    weightsManifest: [{ paths, weights: [] }],
  });

async function refusal(path: string): Promise<CliError> {
  const error = await readModelFiles(path).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(EXIT.usage);
  return error as CliError;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tenfold-cli-files-'));
  await writeFile(join(dir, 'net.onnx'), new Uint8Array([0x08, 0x07, 0x12, 0x04]));
  await writeFile(join(dir, 'web.zip'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  await mkdir(join(dir, 'tfjs'));
  await writeFile(join(dir, 'tfjs', 'model.json'), modelJson(['group1-shard1of2.bin', 'group1-shard2of2.bin']));
  await writeFile(join(dir, 'tfjs', 'group1-shard1of2.bin'), new Uint8Array(8));
  await writeFile(join(dir, 'tfjs', 'group1-shard2of2.bin'), new Uint8Array(4));
  await writeFile(join(dir, 'tfjs', 'unrelated.txt'), 'not sent');
  await mkdir(join(dir, 'broken'));
  await writeFile(join(dir, 'broken', 'model.json'), modelJson(['group1-shard1of1.bin']));
  await mkdir(join(dir, 'evil'));
  await writeFile(join(dir, 'evil', 'model.json'), modelJson(['../../etc/passwd']));
  await mkdir(join(dir, 'keras-h5-json'));
  await writeFile(join(dir, 'keras-h5-json', 'model.json'), JSON.stringify({ class_name: 'Sequential', config: {} }));
  await mkdir(join(dir, 'empty-folder'));
  await writeFile(join(dir, 'weights.pt'), new Uint8Array([1]));
  await writeFile(join(dir, 'model.h5'), new Uint8Array([1]));
  await writeFile(join(dir, 'notes.txt'), 'hello');
  await writeFile(join(dir, 'zero.onnx'), new Uint8Array(0));
  await writeFile(join(dir, 'zipped.onnx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading the model to upload', () => {
  it('sends an .onnx file or a .zip as one part', async () => {
    await expect(readModelFiles(join(dir, 'net.onnx'))).resolves.toMatchObject({
      kind: 'onnx',
      files: [{ name: 'net.onnx' }],
      totalBytes: 4,
    });
    await expect(readModelFiles(join(dir, 'web.zip'))).resolves.toMatchObject({ kind: 'zip', totalBytes: 7 });
  });

  it('sends a TF.js folder, or its model.json, as model.json plus exactly the shards it lists', async () => {
    for (const path of [join(dir, 'tfjs'), join(dir, 'tfjs', 'model.json')]) {
      const upload = await readModelFiles(path);
      expect(upload.kind).toBe('tfjs-folder');
      expect(upload.files.map((file) => [file.name, file.bytes.byteLength])).toEqual([
        ['model.json', expect.any(Number)],
        ['group1-shard1of2.bin', 8],
        ['group1-shard2of2.bin', 4],
      ]);
    }
  });

  it('explains each unusable input', async () => {
    expect((await refusal(join(dir, 'missing.onnx'))).code).toBe('file_missing');
    expect((await refusal(join(dir, 'broken'))).message).toContain('group1-shard1of1.bin is missing');
    expect((await refusal(join(dir, 'evil'))).message).toContain('only plain file names beside model.json');
    expect((await refusal(join(dir, 'keras-h5-json'))).message).toContain('"format": "layers-model" or "graph-model"');
    expect((await refusal(join(dir, 'empty-folder'))).message).toContain('a folder without model.json');
    expect((await refusal(join(dir, 'weights.pt'))).message).toContain('torch.onnx.export');
    expect((await refusal(join(dir, 'model.h5'))).message).toContain('tensorflowjs_converter --input_format keras');
    expect((await refusal(join(dir, 'notes.txt'))).code).toBe('file_unsupported');
    expect((await refusal(join(dir, 'zero.onnx'))).code).toBe('file_empty');
    expect((await refusal(join(dir, 'zipped.onnx'))).message).toContain('rename it to .zip');
  });
});
