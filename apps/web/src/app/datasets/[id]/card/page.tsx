import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findClassSamples } from '@/server/analysis/find-class-samples';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { getRequestDb } from '@/server/db';
import { countLikelyLabelErrors } from '@/server/queries/get-likely-label-errors';
import { DatasetCard } from '../dataset-card.tsx';

const SAMPLES_PER_CLASS = 6;

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return isDatasetId(id) ? { title: `${getDatasetInfo(id).name}: dataset card` } : {};
}

export default async function DatasetCardPage({ params }: Props) {
  const { id } = await params;
  if (!isDatasetId(id)) notFound();
  const dataset = getDatasetInfo(id);
  // The card still renders where the split is not installed, only without sample images.
  const split = await getTestSplit(id).catch(() => null);
  const samples = split ? findClassSamples(split.labels, dataset.classNames.length, SAMPLES_PER_CLASS) : null;
  const testCounts = split
    ? dataset.classNames.map((_, k) => split.labels.filter((label) => label === k).length)
    : null;
  const labelQuality = await countLikelyLabelErrors(await getRequestDb(), id);
  return <DatasetCard dataset={dataset} samples={samples} testCounts={testCounts} labelQuality={labelQuality} />;
}
