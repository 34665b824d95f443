import { SCORER_VERSION } from '@tenfold/contract';
import { DATASETS } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatCount, formatDateTime } from '@/lib/format';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { listKnownBackends } from '@/server/rescoring/list-known-backends';
import { listRescoreBatches } from '@/server/rescoring/list-rescore-batches';
import { BatchStatusBadge } from './batch-status-badge.tsx';
import { RescoreForm } from './rescore-form.tsx';

export const metadata: Metadata = { title: 'Rescoring' };

type Props = { searchParams: Promise<{ ids?: string | string[]; models?: string | string[] }> };

function parseIds(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return [...new Set(joined.split(',').map((id) => id.trim()))]
    .filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))
    .slice(0, 500);
}

export default async function RescoresPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (viewer?.role !== 'ADMIN') notFound();
  const db = await getRequestDb();
  const [batches, backends] = await Promise.all([listRescoreBatches(db), listKnownBackends(db)]);
  // Ticked on /admin/submissions (`ids`) or /admin/models (`models`: their scored submissions):
  // the form opens on what was selected, not on "everything under an older scorer".
  const query = await searchParams;
  const modelIds = parseIds(query.models);
  const ofModels =
    modelIds.length === 0
      ? []
      : await db.submission.findMany({
          where: { modelId: { in: modelIds }, status: 'SCORED' },
          select: { id: true },
          orderBy: { createdAt: 'asc' },
          take: 500,
        });
  const initialIds = [...new Set([...parseIds(query.ids), ...ofModels.map((row) => row.id)])].slice(0, 500);

  return (
    <>
      <section>
        <p className="eyebrow">Admin</p>
        <h1>Rescoring</h1>
        <p className="muted">
          A rescore scores stored models again under the current scorer (version <code>{SCORER_VERSION}</code>) after
          every waiting new submission. Old evaluations are kept; boards use each entry&apos;s newest evaluation under
          the current version. Every batch ends with a report of what moved.
        </p>
      </section>
      <section className="card">
        <h2>New batch</h2>
        <RescoreForm
          initialIds={initialIds}
          datasets={Object.values(DATASETS).map((dataset) => ({ id: dataset.id, name: dataset.name }))}
          backends={backends}
          scorerVersion={SCORER_VERSION}
        />
      </section>
      <section>
        <h2>Batches</h2>
        {batches.length === 0 ? (
          <p className="empty">No rescoring yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="rescore-batches">
              <thead>
                <tr>
                  <th scope="col">Batch</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Progress
                  </th>
                  <th scope="col" className="hide-narrow">
                    Reason
                  </th>
                  <th scope="col" className="hide-narrow">
                    By
                  </th>
                  <th scope="col" className="hide-narrow">
                    Started
                  </th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id} data-testid="rescore-batch-row" data-batch-id={batch.id}>
                    <td>
                      <Link href={`/admin/rescores/${batch.id}`}>{batch.selection}</Link>
                    </td>
                    <td>
                      <BatchStatusBadge status={batch.status} />
                    </td>
                    <td className="num">
                      {formatCount(batch.finished)} / {formatCount(batch.total)}
                      {batch.failed ? <span className="muted small"> ({formatCount(batch.failed)} failed)</span> : null}
                    </td>
                    <td className="hide-narrow">{batch.reason}</td>
                    <td className="hide-narrow">{batch.createdByName}</td>
                    <td className="hide-narrow muted">{formatDateTime(batch.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
