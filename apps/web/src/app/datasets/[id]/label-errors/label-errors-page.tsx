import { LABEL_ERROR_AGREEMENT, LABEL_ERROR_MIN_STRONG_MODELS, STRONG_MODEL_COUNT } from '@tenfold/boards';
import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FlagLabelButton } from '@/components/consensus/flag-label-button';
import { TestImage } from '@/components/consensus/test-image';
import { formatPercent } from '@/lib/format';
import type { Viewer } from '@/server/auth/get-viewer';
import { getLikelyLabelErrors } from '@/server/queries/get-likely-label-errors';

export function labelErrorsMetadata(id: string): Metadata {
  return isDatasetId(id) ? { title: `${getDatasetInfo(id).name}: likely label errors` } : {};
}

/**
 * A dataset's likely label errors. Anonymous visitors get it from the page cache (`[view]/page.tsx`,
 * viewer null); a signed-in visitor's is rendered per request (`page.tsx`), since it shows their
 * flag buttons and which images they flagged.
 */
export async function LabelErrorsPage({ db, id, viewer }: { db: Db; id: string; viewer: Viewer | null }) {
  if (!isDatasetId(id)) notFound();
  const dataset = getDatasetInfo(id);
  const candidates = await getLikelyLabelErrors(db, id, viewer?.userId ?? null);
  const name = (index: number) => dataset.classNames[index];

  return (
    <>
      <section className="card" aria-labelledby="label-errors-heading">
        <h2 id="label-errors-heading">Likely label errors</h2>
        <p>
          Test images on which at least {formatPercent(LABEL_ERROR_AGREEMENT, 0)} of the strongest models (the{' '}
          {STRONG_MODEL_COUNT} best of the leaderboard, at least {LABEL_ERROR_MIN_STRONG_MODELS} of them) agree on one
          class other than the official label. Strong agreement against a label is a reason to look, not proof: a
          genuinely ambiguous image draws it too. The official labels never change here and every score stays on the
          official split; flags go to the admins for review.
        </p>
        {viewer ? null : (
          <p className="small">
            <Link href={`/sign-in?next=${encodeURIComponent(`/datasets/${id}/label-errors`)}`}>Sign in</Link> to flag a
            label that looks wrong.
          </p>
        )}
      </section>
      {candidates.length === 0 ? (
        <p className="empty" data-testid="no-label-errors">
          No image meets that bar on {dataset.name} yet.
        </p>
      ) : (
        <ul className="consensus-grid" data-testid="label-errors">
          {candidates.map((image) => (
            <li
              key={image.imageIndex}
              className="consensus-grid__item"
              data-testid="label-error"
              data-index={image.imageIndex}
            >
              <TestImage
                datasetSlug={dataset.slug}
                imageIndex={image.imageIndex}
                alt={`Test image #${image.imageIndex}, labelled ${name(image.label)}`}
              />
              <span className="small">#{image.imageIndex}</span>
              <span className="small">
                Label <strong>{name(image.label)}</strong>
              </span>
              <span className="small">
                Strong models say <strong data-testid="strong-vote">{name(image.strongClass)}</strong>
              </span>
              <span className="small muted" data-testid="strong-agreement">
                {image.strongVotes} of {image.strongCount} strong · {image.correctCount} of {image.modelsCounted} agree
                with the label
              </span>
              {image.flagCount > 0 ? (
                <span className="small muted" data-testid="flag-count">
                  {image.flagCount} {image.flagCount === 1 ? 'flag' : 'flags'}
                </span>
              ) : null}
              {image.agreedCount > 0 ? (
                <span className="small" data-testid="flag-agreed">
                  An admin agrees the label looks wrong
                </span>
              ) : null}
              {viewer ? (
                <FlagLabelButton
                  datasetSlug={dataset.slug}
                  imageIndex={image.imageIndex}
                  suggestedClass={image.strongClass}
                  isFlagged={image.isFlaggedByViewer}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
