import { isDatasetId } from '@tenfold/datasets/catalog';
import { notFound } from 'next/navigation';
import { paramsOfView } from '@/server/cache/cached-page-path';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import DatasetPage from '../../page.tsx';

export { generateMetadata } from '../../page.tsx';

/** Cached until the board changes (server/cache/revalidate-public-pages.ts); an hour at most as a safety net. */
export const revalidate = 3600;

/** Rendered on first request, never at build time. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string; view: string }> };

/** `/datasets/<id>?<query>` as the proxy rewrites it (server/cache/cached-page-path.ts). */
export default async function CachedDatasetPage({ params }: Props) {
  const { id, view } = await params;
  const query = paramsOfView('board', view);
  if (!query) notFound();
  if (isDatasetId(id)) await tagCachedPage(PAGE_TAGS.board(id));
  return DatasetPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve(query) });
}
