import { DATASET_IDS } from '@tenfold/datasets/catalog';
import { notFound } from 'next/navigation';
import { paramsOfView } from '@/server/cache/cached-page-path';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import { HomePage } from '../home-page.tsx';

/**
 * Cached until a result lands or a submission is created, cancelled or moderated
 * (server/cache/revalidate-public-pages.ts). A worker claiming a job is not announced, so the
 * "being scored now" count may lag by this many seconds.
 */
export const revalidate = 5;

/** Rendered on first request, never at build time. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

/** `/` as the proxy rewrites it (server/cache/cached-page-path.ts). */
export default async function CachedHomePage({ params }: Props) {
  if (!paramsOfView('home', (await params).view)) notFound();
  await tagCachedPage(...DATASET_IDS.map(PAGE_TAGS.board), PAGE_TAGS.submissions);
  return HomePage();
}
