import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { NavLink } from '@/components/nav-link';
import { formatCount } from '@/lib/format';

type Props = { params: Promise<{ id: string }>; children: ReactNode };

/** What the leaderboard, the dataset card and the consensus pages share: the dataset's name, summary, classes and the tabs. */
export default async function DatasetLayout({ params, children }: Props) {
  const { id } = await params;
  if (!isDatasetId(id)) notFound();
  const dataset = getDatasetInfo(id);
  return (
    <>
      <section className="dataset-header">
        <p className="eyebrow">Dataset</p>
        <h1>{dataset.name}</h1>
        <p className="lead">{dataset.provenance.summary}</p>
        <p className="muted">
          By {dataset.provenance.creators}, {dataset.provenance.year}. {formatCount(dataset.splits.train.count)}{' '}
          training and {formatCount(dataset.splits.test.count)} test images, 28×28 grayscale. Licence:{' '}
          {dataset.provenance.licence}
        </p>
        <ul className="class-list" aria-label="Classes">
          {dataset.classNames.map((name, index) => (
            <li key={name} className="chip">
              {name === String(index) ? null : <span className="chip__index">{index}</span>}
              {name}
            </li>
          ))}
        </ul>
        <nav className="tabs" aria-label={`${dataset.name} pages`}>
          <NavLink href={`/datasets/${dataset.slug}`} exact className="tabs__link" testId="tab-leaderboard">
            Leaderboard
          </NavLink>
          <NavLink href={`/datasets/${dataset.slug}/card`} className="tabs__link" testId="tab-card">
            Dataset card
          </NavLink>
          <NavLink href={`/datasets/${dataset.slug}/consensus`} className="tabs__link" testId="tab-consensus">
            Every image
          </NavLink>
          <NavLink href={`/datasets/${dataset.slug}/label-errors`} className="tabs__link" testId="tab-label-errors">
            Label errors
          </NavLink>
        </nav>
      </section>
      {children}
    </>
  );
}
