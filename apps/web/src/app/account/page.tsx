import { getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ModerationNotice } from '@/components/admin/moderation-notice';
import { StatusBadge } from '@/components/status-badge';
import { SubmissionActions } from '@/components/submission-actions';
import { formatDate, formatPercent } from '@/lib/format';
import { getOwnModeration, type ModerationNotice as ModerationNoticeData } from '@/server/admin/get-moderation-notices';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { getOwnModels } from '@/server/queries/get-own-models';
import { ModelActions } from './model-actions.tsx';

export const metadata: Metadata = { title: 'My models' };

/** One line per moderation, with the moderator's reason, under the submission's dataset. */
function SubmissionModeration({ notice }: { notice: ModerationNoticeData | undefined }) {
  if (!notice) return null;
  return (
    <div className="small" data-testid="own-submission-moderation">
      {notice.isHidden ? <div>Hidden by a moderator: {notice.hiddenReason ?? 'no reason given'}</div> : null}
      {notice.isDisqualified ? <div>Disqualified: {notice.disqualifiedReason ?? 'no reason given'}</div> : null}
    </div>
  );
}

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=%2Faccount');
  const db = await getRequestDb();
  const [models, moderation] = await Promise.all([
    getOwnModels(db, viewer.userId),
    getOwnModeration(db, viewer.userId),
  ]);

  return (
    <>
      <section>
        <p className="eyebrow">Account</p>
        <h1>My models</h1>
        <p className="muted">
          Signed in as {viewer.name} ({viewer.email}). Private models are scored like any other but only you and admins
          see them. For scripts and the CLI, create an <Link href="/settings/tokens">API token</Link>.{' '}
          <Link href="/settings/password">Change your password</Link>.
        </p>
      </section>

      {models.length === 0 ? (
        <div className="empty">
          <p>You have not submitted a model yet.</p>
          <Link href="/submit" className="button button--small">
            Submit a model
          </Link>
        </div>
      ) : (
        models.map((model) => (
          <section key={model.id} className="card owned-model" data-testid="own-model" data-model-id={model.id}>
            <div className="owned-model__head">
              <h2 data-testid="own-model-name">{model.name}</h2>
              <span className={`badge badge--${model.visibility}`} data-testid="own-model-visibility">
                {model.visibility === 'public' ? 'Public' : 'Private'}
              </span>
              {model.isHidden ? <span className="badge badge--cancelled">Hidden by an admin</span> : null}
            </div>
            <ModerationNotice notice={moderation.get(model.id) ?? null} what="This model" />
            <ModelActions modelId={model.id} name={model.name} visibility={model.visibility} />
            {model.submissions.length === 0 ? null : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Dataset</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Accuracy
                      </th>
                      <th scope="col" className="hide-narrow">
                        Submitted
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {model.submissions.map((submission) => (
                      <tr key={submission.id} data-testid="own-submission" data-submission-id={submission.id}>
                        <td>
                          <Link href={`/submissions/${submission.id}`}>
                            {getDatasetInfo(submission.datasetId).name}
                          </Link>
                          {submission.isModerated ? (
                            <div className="muted small">Off the leaderboard (moderated)</div>
                          ) : null}
                          <SubmissionModeration notice={moderation.get(submission.id)} />
                        </td>
                        <td>
                          <StatusBadge status={submission.status} />
                        </td>
                        <td className="num">
                          {submission.accuracy === null ? '–' : formatPercent(submission.accuracy)}
                        </td>
                        <td className="hide-narrow muted">{formatDate(submission.createdAt)}</td>
                        <td className="actions-cell">
                          <SubmissionActions submissionId={submission.id} status={submission.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))
      )}
    </>
  );
}
