import 'server-only';
import { type DatasetEnum, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import { revalidatePath } from 'next/cache';

/**
 * Which cached pages a change touches (see cached-page-path.ts for the routes). Each call drops
 * the pages from the page cache at once, so the next request renders them from the committed
 * data; callable only while Next.js handles a request (a route handler or server action).
 */

/** A moderation, a model's edit or deletion: any public page may show the entry, so all go. */
export function revalidateEveryPublicPage(): void {
  revalidatePath('/', 'layout');
}

/** A submission created or cancelled: the home page's latest list and the models' histories. */
export function revalidateSubmissionPages(): void {
  revalidatePath('/home', 'layout');
  revalidatePath('/models/[id]/public/[view]', 'page');
}

/** A result (or failure) committed by a worker: the dataset's board and everything built on it. */
export function revalidateResultPages(dataset: DatasetEnum, modelId: string): void {
  revalidatePath('/home', 'layout');
  revalidatePath(`/models/${modelId}`, 'layout');
  revalidatePath(`/datasets/${datasetIdFromEnum(dataset)}`, 'layout');
  revalidatePath('/mnist-vs-fashion', 'layout');
  revalidatePath('/trade-offs', 'layout');
}
