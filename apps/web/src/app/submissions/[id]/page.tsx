import { choiceById, describeScaling, formatShape, INPUT_LAYOUTS, OUTPUT_KINDS } from '@tenfold/contract';
import { getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ModerationNotice } from '@/components/admin/moderation-notice';
import { StatusBadge } from '@/components/status-badge';
import { SubmissionActions } from '@/components/submission-actions';
import { formatBytes, formatCount, formatDateTime } from '@/lib/format';
import { describeScoringPhase } from '@/lib/scoring-phase';
import { getSubmissionModeration } from '@/server/admin/get-moderation-notices';
import { parseCell } from '@/server/analysis/parse-cell';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { getCellExamples } from '@/server/queries/get-cell-examples';
import { getSubmission, type SubmissionDetails } from '@/server/queries/get-submission';
import { BoardStanding } from './board-standing.tsx';
import { EvaluationResults } from './evaluation-results.tsx';
import { SameFileNotice } from './same-file-notice.tsx';
import { SubmissionLiveProgress } from './submission-live-progress.tsx';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cell?: string | string[] }> };

const SUBMISSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Once per request, shared by the metadata and the page. Private entries are 404 to everyone but owner and admins. */
const load = cache(async (id: string): Promise<SubmissionDetails | null> => {
  if (!SUBMISSION_ID.test(id)) return null;
  return getSubmission(await getRequestDb(), id, await getViewer());
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const submission = await load((await params).id);
  return submission ? { title: `${submission.modelName} on ${getDatasetInfo(submission.datasetId).name}` } : {};
}

function describeLayout(layout: SubmissionDetails['contract']['layout']): string {
  const choice = choiceById(INPUT_LAYOUTS, layout);
  return `${choice.label} ${formatShape(choice.shape)}`;
}

/** `isOwner`: the failure text speaks to the submitter only when the submitter reads it. */
function StatusDetail({ submission, isOwner }: { submission: SubmissionDetails; isOwner: boolean }) {
  const testImages = getDatasetInfo(submission.datasetId).splits.test.count;
  switch (submission.status) {
    case 'QUEUED':
      return (
        <p>
          Waiting for a scoring worker
          {submission.queuedAhead ? (
            <>
              {' '}
              ({formatCount(submission.queuedAhead)} {submission.queuedAhead === 1 ? 'submission' : 'submissions'}{' '}
              ahead)
            </>
          ) : null}
          .
        </p>
      );
    case 'RUNNING': {
      const done = Math.min(submission.progressImages, testImages);
      return (
        <div className="progress-block">
          <progress max={testImages} value={done} data-testid="submission-progress" aria-label="Images scored" />
          <p className="muted small" data-testid="scoring-phase">
            {describeScoringPhase(done, testImages)}
          </p>
        </div>
      );
    }
    case 'SCORED':
      return (
        <p>
          Scored on all {formatCount(testImages)} test images
          {submission.finishedAt ? ` on ${formatDateTime(submission.finishedAt)}` : ''}.
        </p>
      );
    case 'FAILED':
      return (
        <div className="alert alert--error" data-testid="submission-failure">
          {submission.failureKind === 'PLATFORM' ? (
            isOwner ? (
              <p>
                <strong>Scoring stopped because of a fault on Tenfold&apos;s side, not your model.</strong> It does not
                count against you.
              </p>
            ) : (
              <p>
                <strong>Scoring stopped because of a fault on Tenfold&apos;s side, not the model.</strong>
              </p>
            )
          ) : isOwner ? (
            <p>
              <strong>Your model could not be scored.</strong> Check the file and its input contract, then submit again.
            </p>
          ) : (
            <p>
              <strong>This model could not be scored.</strong>
            </p>
          )}
          {submission.statusReason ? <p data-testid="submission-reason">{submission.statusReason}</p> : null}
        </div>
      );
    case 'CANCELLED':
      return (
        <p>
          This submission was cancelled before it was scored.
          {submission.statusReason ? <span data-testid="submission-reason"> {submission.statusReason}</span> : null}
        </p>
      );
  }
}

export default async function SubmissionPage({ params, searchParams }: Props) {
  const submission = await load((await params).id);
  if (!submission) notFound();
  const dataset = getDatasetInfo(submission.datasetId);
  const viewer = await getViewer();
  const cell = submission.evaluation ? parseCell((await searchParams).cell) : null;
  const cellIndexes = cell ? await getCellExamples(await getRequestDb(), submission.id, viewer, cell) : null;
  const canManage = viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === submission.ownerId);
  // Only its owner and admins get this far for a moderated entry; everyone else had a 404.
  const moderation = canManage ? await getSubmissionModeration(await getRequestDb(), submission.id) : null;

  return (
    <>
      <section className="submission-header">
        <p className="eyebrow">Submission</p>
        <h1 data-testid="submission-model">{submission.modelName}</h1>
        <p className="muted">
          on <Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link> · by {submission.submitterName} ·{' '}
          {formatDateTime(submission.createdAt)}
        </p>
        {submission.isPublic ? null : (
          <p className="muted small" data-testid="submission-private">
            <span className="badge badge--private">Private</span> Only its owner and admins can see this submission; it
            is on no leaderboard.
          </p>
        )}
        <ModerationNotice notice={moderation?.submission ?? null} what="This submission" />
        <ModerationNotice notice={moderation?.model ?? null} what="Its model" />
        {viewer && viewer.userId === submission.ownerId ? (
          <SameFileNotice
            submissionId={submission.id}
            submitterId={viewer.userId}
            artifactSha256={submission.artifactSha256}
            datasetId={submission.datasetId}
          />
        ) : null}
        {viewer?.role === 'ADMIN' ? (
          <p className="small">
            <Link href={`/admin/submissions?q=${submission.id}`} data-testid="moderate-submission">
              Moderate this submission
            </Link>
          </p>
        ) : null}
        {canManage ? (
          <SubmissionActions submissionId={submission.id} status={submission.status} afterDelete="/account" />
        ) : null}
      </section>

      <section className="card status-card" aria-labelledby="status-heading">
        <div className="status-card__head">
          <h2 id="status-heading">Status</h2>
          <StatusBadge status={submission.status} testId="submission-status" />
        </div>
        <StatusDetail submission={submission} isOwner={viewer?.userId === submission.ownerId} />
        <SubmissionLiveProgress
          id={submission.id}
          status={submission.status}
          progressImages={submission.progressImages}
        />
        <noscript>
          <p className="muted small">Reload this page to see progress.</p>
        </noscript>
      </section>

      {submission.status === 'SCORED' ? (
        <BoardStanding datasetId={submission.datasetId} submissionId={submission.id} />
      ) : null}

      {submission.evaluation ? (
        <EvaluationResults
          evaluation={submission.evaluation}
          classNames={dataset.classNames}
          drillDown={cell && cellIndexes ? { datasetSlug: dataset.slug, cell, indexes: cellIndexes } : null}
        />
      ) : null}

      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload</h2>
        <dl className="details">
          <div>
            <dt>File</dt>
            <dd>
              {submission.originalFilename} ({formatBytes(submission.sizeBytes)})
            </dd>
          </div>
          <div>
            <dt>SHA-256</dt>
            <dd className="mono" title={submission.artifactSha256}>
              {submission.artifactSha256.slice(0, 16)}…
            </dd>
          </div>
          <div>
            <dt>Input layout</dt>
            <dd>{describeLayout(submission.contract.layout)}</dd>
          </div>
          <div>
            <dt>Pixel scaling</dt>
            <dd>{describeScaling(submission.contract)}</dd>
          </div>
          <div>
            <dt>Output</dt>
            <dd>{choiceById(OUTPUT_KINDS, submission.contract.output).label}</dd>
          </div>
        </dl>
      </section>

      <p>
        <Link href={`/datasets/${dataset.id}`}>← {dataset.name} leaderboard</Link> ·{' '}
        <Link href={`/models/${submission.modelId}`} className="break-anywhere" data-testid="model-link">
          All submissions of {submission.modelName}
        </Link>
      </p>
    </>
  );
}
