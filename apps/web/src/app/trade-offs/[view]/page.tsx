import { DATASET_IDS, isDatasetId } from '@tenfold/datasets/catalog';
import { notFound } from 'next/navigation';
import { paramsOfView } from '@/server/cache/cached-page-path';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import TradeOffsPage from '../page.tsx';

export { metadata } from '../page.tsx';

/** Cached until a board changes (server/cache/revalidate-public-pages.ts); an hour at most as a safety net. */
export const revalidate = 3600;

/** Rendered on first request, never at build time. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

/** `/trade-offs?<query>` as the proxy rewrites it (server/cache/cached-page-path.ts). */
export default async function CachedTradeOffsPage({ params }: Props) {
  const query = paramsOfView('tradeOffs', (await params).view);
  if (!query) notFound();
  await tagCachedPage(PAGE_TAGS.board(query.dataset && isDatasetId(query.dataset) ? query.dataset : DATASET_IDS[0]));
  return TradeOffsPage({ searchParams: Promise.resolve(query) });
}
