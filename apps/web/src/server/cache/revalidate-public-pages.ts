import 'server-only';
import { type DatasetEnum, type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import { revalidatePath, revalidateTag, unstable_cache } from 'next/cache';

/**
 * Which cached pages a change touches (see cached-page-path.ts for the routes). A cached page
 * declares what it shows with `tagCachedPage`; each revalidation below drops every page carrying
 * the tag from the page cache at once, so the next request renders it from the committed data.
 * The revalidate functions work only while Next.js handles a request (a route handler).
 */
export const PAGE_TAGS = {
  /** A dataset's board and what is built on it (home, MNIST vs Fashion, trade-offs). */
  board: (dataset: DatasetId) => `board:${dataset}`,
  model: (modelId: string) => `model:${modelId}`,
  /** Lists of submissions whatever their state: home's latest, the models' histories. */
  submissions: 'submissions',
  /**
   * A dataset's per-image consensus: its consensus, label-error and card pages, the other
   * dataset's consensus page (the MNIST to Fashion drop reads both) and the model pages showing
   * the dataset's rare hits and misses.
   */
  consensus: (dataset: DatasetId) => `consensus:${dataset}`,
  /** Readers' flags on a dataset's labels and their reviews: the label-error page. */
  labelFlags: (dataset: DatasetId) => `label-flags:${dataset}`,
};

/**
 * Marks the page being rendered as showing the data under `tags`, and when its render started.
 * Next.js collects the tags of the `unstable_cache` calls a page makes into the page's own cache
 * entry, which is how a tag reaches a page without `cacheComponents` (the page cache handler
 * stores no value for them). Call it before reading data: a render that began before one of its
 * tags was revalidated is not kept (page-cache/page-cache-handler.mjs).
 */
export async function tagCachedPage(...tags: string[]): Promise<void> {
  const all = [...tags, `rendered-at:${Date.now()}`];
  await unstable_cache(async () => true, ['page-tags', ...all], { tags: all })();
}

/** `{ expire: 0 }`: nobody is served the old page while the new one renders. */
function dropTag(tag: string): void {
  revalidateTag(tag, { expire: 0 });
}

/** A moderation, a model's edit or deletion: any public page may show the entry, so all go. */
export function revalidateEveryPublicPage(): void {
  revalidatePath('/', 'layout');
}

/** A submission created or cancelled: the home page's latest list and the models' histories. */
export function revalidateSubmissionPages(): void {
  dropTag(PAGE_TAGS.submissions);
}

/** A worker's consensus sync that changed the dataset's consensus. */
export function revalidateConsensusPages(dataset: DatasetEnum): void {
  dropTag(PAGE_TAGS.consensus(datasetIdFromEnum(dataset)));
}

/** A label flagged, or flags reviewed. */
export function revalidateLabelFlagPages(dataset: DatasetId): void {
  dropTag(PAGE_TAGS.labelFlags(dataset));
}

/** A result (or failure) committed by a worker: its dataset's board and its model's page. */
export function revalidateResultPages(dataset: DatasetEnum, modelId: string): void {
  dropTag(PAGE_TAGS.board(datasetIdFromEnum(dataset)));
  dropTag(PAGE_TAGS.model(modelId));
  dropTag(PAGE_TAGS.submissions);
}
