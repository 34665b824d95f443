import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import { formatRank } from '@tenfold/datasets/standing-words';
import type { Submission } from './api-schemas.ts';
import { formatCount, formatTable, percent } from './format-table.ts';

function datasetName(id: string): string {
  return isDatasetId(id) ? getDatasetInfo(id).name : id;
}

/** One line of where a submission is: the progress line of --wait and the head of `status`. */
export function formatProgress(submission: Submission): string {
  const { status, progress, queuePosition } = submission;
  if (status === 'QUEUED') {
    return queuePosition === null ? 'QUEUED: waiting for a worker' : `QUEUED: position ${queuePosition} in the queue`;
  }
  if (status === 'RUNNING') {
    if (!progress || progress.total === 0) return 'RUNNING: loading the model';
    const share = Math.floor((progress.images / progress.total) * 100);
    return `RUNNING: ${formatCount(progress.images)} of ${formatCount(progress.total)} images scored (${share}%)`;
  }
  if (status === 'SCORED') return 'SCORED';
  return submission.statusReason ? `${status}: ${submission.statusReason}` : status;
}

/**
 * Class names come from the catalog when the server's per-class rows lack them, so the
 * table always says "Ankle boot" rather than 9.
 */
function className(datasetId: string, label: number, given: string): string {
  if (given) return given;
  return isDatasetId(datasetId) ? (getDatasetInfo(datasetId).classNames[label] ?? String(label)) : String(label);
}

function rankLine(submission: Submission): string {
  const board = `the ${datasetName(submission.dataset)} leaderboard`;
  if (submission.rank !== null) {
    const isShared = submission.rankIsShared === true;
    return `rank ${formatRank(submission.rank, isShared)} on ${board}${isShared ? ', shared with models not significantly different' : ''}`;
  }
  if (submission.visibility === 'PRIVATE') return `not ranked: the model is private`;
  return `not on ${board}: another submission of this model holds its entry`;
}

/** The human report of a submission: its state, and when scored, accuracy, rank and per-class results. */
export function formatSubmissionReport(submission: Submission): string {
  const head = [
    `${submission.modelName} on ${datasetName(submission.dataset)} (${submission.format}, ${submission.visibility.toLowerCase()})`,
    `submission ${submission.id}: ${formatProgress(submission)}`,
  ];
  const evaluation = submission.evaluation;
  if (submission.status !== 'SCORED' || !evaluation) return [...head, submission.url].join('\n');
  const table = formatTable(
    [
      { title: '#', align: 'right' },
      { title: 'class' },
      { title: 'recall', align: 'right' },
      { title: 'precision', align: 'right' },
      { title: 'F1', align: 'right' },
      { title: 'images', align: 'right' },
    ],
    [...evaluation.perClass]
      .sort((a, b) => a.label - b.label)
      .map((row) => [
        String(row.label),
        className(submission.dataset, row.label, row.name),
        percent(row.recall),
        percent(row.precision),
        percent(row.f1),
        formatCount(row.support),
      ]),
  );
  return [
    ...head,
    `accuracy ${percent(evaluation.accuracy)} (95% CI ${percent(evaluation.accuracyCiLow)} – ${percent(evaluation.accuracyCiHigh)}), ${formatCount(evaluation.correct)} of ${formatCount(evaluation.total)} correct`,
    rankLine(submission),
    ...evaluation.warnings.map((warning) => `warning: ${warning}`),
    '',
    table.replace(/^/gm, '  '),
    '',
    `scored by ${evaluation.backend} ${evaluation.backendVersion}, scorer ${evaluation.scorerVersion}`,
    submission.url,
  ].join('\n');
}

/** Your recent submissions, one line each. */
export function formatSubmissionList(submissions: Submission[]): string {
  if (submissions.length === 0) return 'No submissions yet: tenfold submit <model> --dataset mnist';
  return formatTable(
    [
      { title: 'id' },
      { title: 'model' },
      { title: 'dataset' },
      { title: 'status' },
      { title: 'accuracy', align: 'right' },
      { title: 'submitted' },
    ],
    submissions.map((submission) => [
      submission.id,
      submission.modelName,
      submission.dataset,
      submission.status,
      submission.evaluation ? percent(submission.evaluation.accuracy) : '',
      submission.createdAt.slice(0, 16).replace('T', ' '),
    ]),
  );
}
