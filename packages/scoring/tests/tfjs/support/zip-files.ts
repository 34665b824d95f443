import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

export type Files = Record<string, Uint8Array | string>;

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** A TF.js model folder written by tests/fixtures/pytorch/make_fixtures.py, file by file. */
export function readTfjsFixture(name: string): Record<string, Uint8Array> {
  const folder = join(FIXTURES, 'tfjs', name);
  return Object.fromEntries(
    readdirSync(folder).map((file) => [file, new Uint8Array(readFileSync(join(folder, file)))]),
  );
}

/** Zips files the way an ordinary zip tool does (deflated, Unix attributes), optionally in a folder. */
export async function zipFiles(files: Files, folder = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(`${folder}${name}`, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}

/** model.json of a files map as an object, for tests that edit it. */
export function readModelJson(files: Files): Record<string, unknown> {
  const json = files['model.json'];
  return JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json));
}
