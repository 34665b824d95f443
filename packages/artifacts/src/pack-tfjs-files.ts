import JSZip from 'jszip';

export type NamedFile = { name: string; bytes: Uint8Array };

/** A fixed timestamp, so the same files always make the same archive (and the same sha256). */
const EPOCH = new Date(Date.UTC(1980, 0, 1));

/**
 * Packs a TF.js model given as separate files (model.json and its weight shards) into the one
 * archive Tenfold stores and scores: flat, by base name, sorted, deterministic. Names are
 * reduced to their base name here; the scorer still checks every name and size it reads.
 */
export async function packTfjsFiles(files: NamedFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const seen = new Set<string>();
  for (const file of [...files].sort((a, b) => baseName(a.name).localeCompare(baseName(b.name)))) {
    const name = baseName(file.name);
    if (!name || seen.has(name))
      throw new Error(`Two uploaded files are named "${name}": TF.js file names must be unique.`);
    seen.add(name);
    zip.file(name, file.bytes, { date: EPOCH, binary: true });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? '';
}
