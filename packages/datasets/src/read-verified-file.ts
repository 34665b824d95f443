import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdxFileInfo } from './catalog.ts';
import { findLocalFile, type SourceDir } from './dataset-sources.ts';
import { DatasetFileError, decompressIfGzipped, isGzipped } from './idx-format.ts';

export type ReadOptions = {
  dirs: SourceDir[];
  /** Folder that downloaded files are written to (it should also be the last of `dirs`). */
  cacheDir: string;
  /** `<downloadUrl>` of the gzipped file, or null when downloading is not allowed. */
  downloadUrl: string | null;
  fetchImpl?: typeof fetch;
};

export type VerifiedFile = { bytes: Uint8Array; sha256: string; source: string };

/** How to install the packages that fill the given folders, for an error message (or nothing). */
function installHints(dirs: SourceDir[]): string {
  const hints = dirs.flatMap((d) => (d.installHint ? [`\`${d.installHint}\``] : []));
  return hints.length ? ` (on Debian: ${hints.join(', ')})` : '';
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function verify(file: IdxFileInfo, raw: Uint8Array, where: string): Uint8Array {
  const bytes = decompressIfGzipped(raw, where);
  const actual = sha256Hex(bytes);
  if (actual !== file.sha256) {
    throw new DatasetFileError(
      `${where} is not the published ${file.name}: its uncompressed SHA-256 is ${actual} (${bytes.byteLength} bytes), expected ${file.sha256} (${file.bytes} bytes). The file is corrupted, truncated or a different release: replace it.`,
    );
  }
  return bytes;
}

/**
 * Reads one dataset file from the first local folder that has it, or downloads and caches it,
 * and returns its uncompressed bytes only after their SHA-256 matches the published value.
 * A wrong file is an error, never skipped in favour of the next source, so a corrupted copy is
 * noticed rather than silently shadowed.
 */
export async function readVerifiedFile(file: IdxFileInfo, options: ReadOptions): Promise<VerifiedFile> {
  const local = findLocalFile(file.name, options.dirs);
  if (local) {
    const bytes = verify(file, new Uint8Array(await readFile(local.path)), local.path);
    return { bytes, sha256: file.sha256, source: local.source.description };
  }
  if (!options.downloadUrl) {
    throw new DatasetFileError(
      `${file.name} was not found in ${options.dirs.map((d) => d.dir).join(', ')} and downloading is off. Put the file (raw or .gz) in one of those folders${installHints(options.dirs)}.`,
    );
  }
  return download(file, options.downloadUrl, options);
}

async function download(file: IdxFileInfo, url: string, options: ReadOptions): Promise<VerifiedFile> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let raw: Uint8Array;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    raw = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatasetFileError(
      `${file.name} is not available locally and downloading ${url} failed (${detail}). Without network access, put the file (raw or .gz) in the explicit dataset directory (dataDir; the apps read it from TENFOLD_DATASETS_DIR)${installHints(options.dirs)}.`,
    );
  }
  const bytes = verify(file, raw, url);
  // Write to a temporary name and rename, so a crash never leaves a half-written cache file.
  await mkdir(options.cacheDir, { recursive: true });
  // A mirror may serve the raw file; naming the cached copy by its content keeps the cache honest.
  const target = join(options.cacheDir, isGzipped(raw) ? `${file.name}.gz` : file.name);
  const temporary = `${target}.${randomUUID()}.partial`;
  try {
    await writeFile(temporary, raw);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
  return { bytes, sha256: file.sha256, source: `a download of ${url}` };
}
