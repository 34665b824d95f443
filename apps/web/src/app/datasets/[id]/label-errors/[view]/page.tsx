import { isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { paramsOfView } from '@/server/cache/cached-page-path';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import { getCachedPageDb } from '@/server/db';
import { LabelErrorsPage, labelErrorsMetadata } from '../label-errors-page.tsx';

/** Cached until a consensus sync or a flag changes it (server/cache/revalidate-public-pages.ts); an hour at most as a safety net. */
export const revalidate = 3600;

/** Rendered on first request, never at build time. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string; view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return labelErrorsMetadata((await params).id);
}

/** `/datasets/<id>/label-errors` for anonymous visitors, as the proxy rewrites it (server/cache/cached-page-path.ts). */
export default async function CachedLabelErrorsPage({ params }: Props) {
  const { id, view } = await params;
  if (!paramsOfView('labelErrors', view)) notFound();
  if (isDatasetId(id)) await tagCachedPage(PAGE_TAGS.consensus(id), PAGE_TAGS.labelFlags(id));
  return LabelErrorsPage({ db: getCachedPageDb(), id, viewer: null });
}
