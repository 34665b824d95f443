import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findClassSamples } from '@/server/analysis/find-class-samples';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { getCachedPageDb } from '@/server/db';
import { countLikelyLabelErrors } from '@/server/queries/get-likely-label-errors';
import { DatasetCard } from '../dataset-card.tsx';

const SAMPLES_PER_CLASS = 6;

/** Cached until a consensus sync changes its label-quality count; an hour at most as a safety net. */
export const revalidate = 3600;

/** Served from the page cache (server/cache/cached-page-path.ts), rendered on first request. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return isDatasetId(id) ? { title: `${getDatasetInfo(id).name}: dataset card` } : {};
}

export default async function DatasetCardPage({ params }: Props) {
  const { id } = await params;
  if (!isDatasetId(id)) notFound();
  await tagCachedPage(PAGE_TAGS.consensus(id));
  const dataset = getDatasetInfo(id);
  // The card still renders where the split is not installed, only without sample images.
  const split = await getTestSplit(id).catch(() => null);
  const samples = split ? findClassSamples(split.labels, dataset.classNames.length, SAMPLES_PER_CLASS) : null;
  const testCounts = split
    ? dataset.classNames.map((_, k) => split.labels.filter((label) => label === k).length)
    : null;
  const labelQuality = await countLikelyLabelErrors(getCachedPageDb(), id);
  return <DatasetCard dataset={dataset} samples={samples} testCounts={testCounts} labelQuality={labelQuality} />;
}
