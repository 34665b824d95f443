export * from './catalog.ts';
export { DEBIAN_FASHION_MNIST_DIR, DEFAULT_CACHE_DIR } from './dataset-sources.ts';
export {
  DatasetFileError,
  decompressIfGzipped,
  IMAGES_MAGIC,
  LABELS_MAGIC,
  parseIdxImages,
  parseIdxLabels,
} from './idx-format.ts';
export { type LoadedSplit, type LoadOptions, loadSplit } from './load-split.ts';
export { readVerifiedFile } from './read-verified-file.ts';
