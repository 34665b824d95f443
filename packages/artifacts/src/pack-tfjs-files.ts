import { type NamedFile, packFlatZip } from './pack-flat-zip.ts';

export type { NamedFile };

/**
 * Packs a TF.js model given as separate files (model.json and its weight shards) into the one
 * archive Tenfold stores and scores (see packFlatZip).
 */
export function packTfjsFiles(files: NamedFile[]): Promise<Uint8Array> {
  return packFlatZip(files, 'TF.js file');
}
