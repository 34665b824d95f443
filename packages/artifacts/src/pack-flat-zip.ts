import JSZip from 'jszip';

export type NamedFile = { name: string; bytes: Uint8Array };

/** A fixed timestamp, so the same files always make the same archive (and the same sha256). */
const EPOCH = new Date(Date.UTC(1980, 0, 1));

/** The base name of an uploaded file (browsers send folder uploads as "folder/name"). */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? '';
}

/**
 * Packs a model given as several files into the one archive Tenfold stores and scores: flat,
 * by base name, sorted, deterministic. Names are reduced to their base name here; the scorer
 * still checks every name and size it reads. `what` names the files in the duplicate message.
 */
export async function packFlatZip(files: NamedFile[], what: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const seen = new Set<string>();
  for (const file of [...files].sort((a, b) => baseName(a.name).localeCompare(baseName(b.name)))) {
    const name = baseName(file.name);
    if (!name || seen.has(name))
      throw new Error(`Two uploaded files are named "${name}": ${what} names must be unique.`);
    seen.add(name);
    zip.file(name, file.bytes, { date: EPOCH, binary: true });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}
