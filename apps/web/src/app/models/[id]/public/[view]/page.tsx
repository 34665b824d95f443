import { DATASET_IDS, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { paramsOfView } from '@/server/cache/cached-page-path';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import { getCachedPageDb } from '@/server/db';
import { loadModel, ModelPage } from '../../model-page.tsx';

/**
 * Cached until the model's results or moderation change, or the consensus of the dataset shown
 * (its rare hits and misses) does (server/cache/revalidate-public-pages.ts).
 */
export const revalidate = 3600;

/** Rendered on first request, never at build time. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string; view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await loadModel(getCachedPageDb(), (await params).id, null);
  return model ? { title: model.name } : {};
}

/** `/models/<id>?<query>` for anonymous visitors, as the proxy rewrites it (server/cache/cached-page-path.ts). */
export default async function CachedModelPage({ params }: Props) {
  const { id, view } = await params;
  const query = paramsOfView('model', view);
  if (!query) notFound();
  // Without a dataset in the view, which one the page shows is known only once the model is read,
  // and tags are declared before reading anything: both then.
  const shown = query.dataset && isDatasetId(query.dataset) ? [query.dataset] : DATASET_IDS;
  await tagCachedPage(PAGE_TAGS.model(id), PAGE_TAGS.submissions, ...shown.map(PAGE_TAGS.consensus));
  return ModelPage({ db: getCachedPageDb(), id, query, viewer: null });
}
