import { DATASET_IDS } from '@tenfold/datasets/catalog';
import { notFound } from 'next/navigation';
import { paramsOfView } from '@/server/cache/cached-page-path';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import MnistVersusFashionPage from '../page.tsx';

export { metadata } from '../page.tsx';

/** Cached until a board changes (server/cache/revalidate-public-pages.ts); an hour at most as a safety net. */
export const revalidate = 3600;

/** Rendered on first request, never at build time. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

/** `/mnist-vs-fashion?<query>` as the proxy rewrites it (server/cache/cached-page-path.ts). */
export default async function CachedMnistVersusFashionPage({ params }: Props) {
  const query = paramsOfView('versus', (await params).view);
  if (!query) notFound();
  await tagCachedPage(...DATASET_IDS.map(PAGE_TAGS.board));
  return MnistVersusFashionPage({ searchParams: Promise.resolve(query) });
}
