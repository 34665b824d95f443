import type { Metadata } from 'next';
import Link from 'next/link';
import { AutoRefresh } from '@/components/admin/auto-refresh';
import { ReasonText } from '@/components/admin/reason-text';
import { FailureRateChart } from '@/components/charts/failure-rate-chart';
import { OutcomeBarChart } from '@/components/charts/outcome-bar-chart';
import { StatusBadge } from '@/components/status-badge';
import { formatCount, formatDateTime, formatPercent } from '@/lib/format';
import { formatAge } from '@/lib/format-age';
import { getQueueHealth } from '@/server/admin/get-queue-health';
import { mergeBuckets, summariseBuckets } from '@/server/admin/merge-buckets';
import { requireAdminViewer } from '@/server/admin/require-admin-viewer';
import { getRequestDb } from '@/server/db';
import { getScoringQueue } from '@/server/queue';

export const metadata: Metadata = { title: 'Queue health' };

const JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'] as const;
const STATUSES = ['QUEUED', 'RUNNING', 'SCORED', 'FAILED', 'CANCELLED'] as const;

const hourLabel = (start: Date) => `${String(start.getUTCHours()).padStart(2, '0')}h`;
const dayLabel = (start: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(start);

function rate(value: number | null): string {
  return value === null ? '–' : formatPercent(value, 1);
}

export default async function QueueHealthPage() {
  await requireAdminViewer('/admin');
  const health = await getQueueHealth(await getRequestDb(), () => getScoringQueue().getJobCounts(...JOB_STATES));
  const lastDay = health.hours.slice(-24);
  const week = mergeBuckets(health.hours, 6);
  const windows = [
    { label: 'Last 24 h', summary: summariseBuckets(lastDay) },
    { label: 'Last 7 d', summary: summariseBuckets(health.hours) },
  ];

  return (
    <>
      <section className="admin-head">
        <div>
          <p className="eyebrow">Admin</p>
          <h1>Queue health</h1>
        </div>
        <AutoRefresh seconds={10} />
      </section>

      <div className="admin-grid">
        <section className="card" aria-labelledby="jobs-heading" data-testid="job-counts">
          <h2 id="jobs-heading">Jobs (Redis)</h2>
          {health.jobs.ok ? (
            <dl className="admin-counts">
              {JOB_STATES.map((state) => (
                <div key={state}>
                  <dt>{state}</dt>
                  <dd data-testid={`jobs-${state}`}>
                    {formatCount(health.jobs.ok ? (health.jobs.counts[state] ?? 0) : 0)}
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="alert alert--error">Redis did not answer: {health.jobs.error}</p>
          )}
        </section>
        <section className="card" aria-labelledby="statuses-heading" data-testid="submission-counts">
          <h2 id="statuses-heading">Submissions (PostgreSQL)</h2>
          <dl className="admin-counts">
            {STATUSES.map((status) => (
              <div key={status}>
                <dt>
                  <Link href={`/admin/submissions?status=${status}`}>{status.toLowerCase()}</Link>
                </dt>
                <dd data-testid={`status-${status}`}>{formatCount(health.submissions[status])}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small" data-testid="oldest-queued">
            {health.oldestQueuedAt
              ? `Oldest queued: waiting for ${formatAge(health.now.getTime() - health.oldestQueuedAt.getTime())}.`
              : 'Nothing queued.'}{' '}
            <Link href="/admin/submissions?stuck=1">Stuck submissions</Link>
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="workers-heading">
        <h2 id="workers-heading">Workers</h2>
        {health.workers.some((worker) => !worker.isStale)
          ? health.unscorableDatasets.map((gap) => (
              <p key={gap.dataset} className="alert alert--error" data-testid="unscorable-dataset">
                No worker can score {gap.name}: {gap.reasons.join(' ') || 'no live worker has its files.'} Its
                submissions wait in the queue and are scored once a worker has the files.
              </p>
            ))
          : null}
        {health.workers.length === 0 ? (
          <p className="empty" data-testid="no-workers">
            No worker has reported in: nothing is being scored.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="worker-list">
              <thead>
                <tr>
                  <th scope="col">Worker</th>
                  <th scope="col">Last heartbeat</th>
                  <th scope="col" className="num">
                    Jobs at once
                  </th>
                  <th scope="col" className="hide-narrow">
                    Up since
                  </th>
                </tr>
              </thead>
              <tbody>
                {health.workers.map((worker) => (
                  <tr key={worker.id} data-testid="worker-row" data-stale={worker.isStale ? 'true' : 'false'}>
                    <td>
                      <span className="mono">{worker.hostname}</span> · pid {worker.pid}
                    </td>
                    <td className={worker.isStale ? 'stale' : undefined}>
                      {formatAge(worker.ageMs)} ago{worker.isStale ? ' (stale: probably dead)' : ''}
                    </td>
                    <td className="num">{worker.concurrency}</td>
                    <td className="hide-narrow muted">{formatDateTime(worker.startedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="throughput-heading">
        <h2 id="throughput-heading">Throughput and failures</h2>
        <div className="table-wrap">
          <table className="table" data-testid="throughput-summary">
            <thead>
              <tr>
                <th scope="col">Window</th>
                <th scope="col" className="num">
                  Scored
                </th>
                <th scope="col" className="num">
                  Per hour
                </th>
                <th scope="col" className="num">
                  Model failures
                </th>
                <th scope="col" className="num">
                  Platform failures
                </th>
              </tr>
            </thead>
            <tbody>
              {windows.map(({ label, summary }) => (
                <tr key={label}>
                  <td>{label}</td>
                  <td className="num">{formatCount(summary.scored)}</td>
                  <td className="num">{summary.scoredPerHour.toFixed(1)}</td>
                  <td className="num">
                    {formatCount(summary.modelFailures)} ({rate(summary.modelFailureRate)})
                  </td>
                  <td className="num">
                    {formatCount(summary.platformFailures)} ({rate(summary.platformFailureRate)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>Last 24 hours, per hour (UTC)</h3>
        <OutcomeBarChart
          buckets={lastDay}
          title="Submissions finished per hour over the last 24 hours"
          labelEvery={3}
          formatLabel={hourLabel}
          testId="chart-24h"
        />
        <FailureRateChart
          buckets={lastDay}
          title="Failure rate per hour over the last 24 hours"
          labelEvery={3}
          formatLabel={hourLabel}
        />
        <h3>Last 7 days, per 6 hours (UTC)</h3>
        <OutcomeBarChart
          buckets={week}
          title="Submissions finished per 6 hours over the last 7 days"
          labelEvery={4}
          formatLabel={dayLabel}
          testId="chart-7d"
        />
        <FailureRateChart
          buckets={week}
          title="Failure rate per 6 hours over the last 7 days"
          labelEvery={4}
          formatLabel={dayLabel}
        />
      </section>

      <section className="card" aria-labelledby="failures-heading">
        <h2 id="failures-heading">Recent failures</h2>
        {health.recentFailures.length === 0 ? (
          <p className="muted">No failures.</p>
        ) : (
          <div className="table-wrap">
            <table className="table admin-table" data-testid="recent-failures">
              <thead>
                <tr>
                  <th scope="col">Submission</th>
                  <th scope="col">Cause</th>
                  <th scope="col">Reason</th>
                  <th scope="col" className="hide-narrow">
                    When
                  </th>
                </tr>
              </thead>
              <tbody>
                {health.recentFailures.map((failure) => (
                  <tr key={failure.id}>
                    <td>
                      <Link href={`/submissions/${failure.id}`}>{failure.modelName}</Link>
                    </td>
                    <td>
                      <StatusBadge status="FAILED" /> {failure.failureKind === 'PLATFORM' ? 'platform' : 'model'}
                    </td>
                    <td className="small">{failure.statusReason ? <ReasonText text={failure.statusReason} /> : '–'}</td>
                    <td className="hide-narrow muted nowrap">
                      {failure.finishedAt ? formatDateTime(failure.finishedAt) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="small">
          <Link href="/admin/submissions?status=FAILED">All failed submissions</Link>
        </p>
      </section>
    </>
  );
}
