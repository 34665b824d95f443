import { describe, expect, it } from 'vitest';
import { type Submission, submissionSchema } from '../src/api-schemas.ts';
import { exitCodeOf } from '../src/commands/follow-submission.ts';
import { EXIT } from '../src/exit-codes.ts';
import { formatLeaderboard } from '../src/format-leaderboard.ts';
import { formatProgress, formatSubmissionReport } from '../src/format-submission.ts';
import { createProgressReporter } from '../src/progress-reporter.ts';

const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** A submission as GET /api/v1/submissions/{id} answers it (contract shape). */
function submission(overrides: Record<string, unknown> = {}): Submission {
  return submissionSchema.parse({
    id: 'sub_1',
    url: 'http://localhost:3000/submissions/sub_1',
    modelId: 'mod_1',
    modelName: 'tiny cnn',
    dataset: 'fashion-mnist',
    format: 'ONNX',
    visibility: 'PUBLIC',
    status: 'SCORED',
    statusReason: null,
    failureKind: null,
    progress: { images: 10_000, total: 10_000 },
    queuePosition: null,
    createdAt: '2026-11-29T10:00:00.000Z',
    startedAt: '2026-11-29T10:00:01.000Z',
    finishedAt: '2026-11-29T10:00:09.000Z',
    rank: 3,
    evaluation: {
      id: 'ev_1',
      submissionId: 'sub_1',
      scorerVersion: '1.0.0',
      backend: 'onnxruntime-node',
      backendVersion: '1.30.0',
      accuracy: 0.8765,
      accuracyCiLow: 0.87,
      accuracyCiHigh: 0.883,
      correct: 8765,
      total: 10_000,
      warnings: [],
      // The name is left out of one row: the catalog supplies it.
      perClass: CLASS_NAMES.map((name, label) => ({
        label,
        name: label === 9 ? '' : name,
        recall: label / 10,
        precision: 0.5,
        f1: 0.25,
        support: 1000,
      })),
    },
    ...overrides,
  });
}

describe('the submission report', () => {
  it('ends a scored submission with accuracy, CI, rank and a per-class table with class names', () => {
    const report = formatSubmissionReport(submission());
    expect(report).toContain('tiny cnn on Fashion-MNIST (ONNX, public)');
    expect(report).toContain('accuracy 87.65% (95% CI 87.00% – 88.30%), 8,765 of 10,000 correct');
    expect(report).toContain('rank 3 on the Fashion-MNIST leaderboard');
    expect(formatSubmissionReport(submission({ rankIsShared: true }))).toContain(
      'rank 3 = on the Fashion-MNIST leaderboard, shared with models not significantly different',
    );
    const rows = report.split('\n').filter((line) => /^\s+\d\s{2}/.test(line));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatch(/^\s+0 {2}T-shirt\/top\s+0\.00%\s+50\.00%\s+25\.00%\s+1,000$/);
    expect(rows[9]).toMatch(/^\s+9 {2}Ankle boot\s+90\.00%/);
    expect(report.trimEnd().endsWith('http://localhost:3000/submissions/sub_1')).toBe(true);
  });

  it('says why a model is not ranked', () => {
    expect(formatSubmissionReport(submission({ rank: null, visibility: 'PRIVATE' }))).toContain(
      'not ranked: the model is private',
    );
    expect(formatSubmissionReport(submission({ rank: null }))).toContain('another submission of this model');
  });

  it('describes every state in one line and maps final states to exit codes', () => {
    expect(formatProgress(submission({ status: 'QUEUED', queuePosition: 2, evaluation: null }))).toBe(
      'QUEUED: position 2 in the queue',
    );
    expect(
      formatProgress(submission({ status: 'RUNNING', progress: { images: 4096, total: 10_000 }, evaluation: null })),
    ).toBe('RUNNING: 4,096 of 10,000 images scored (40%)');
    const failed = submission({
      status: 'FAILED',
      failureKind: 'MODEL',
      statusReason: 'The model outputs 5 classes.',
      evaluation: null,
    });
    expect(formatProgress(failed)).toBe('FAILED: The model outputs 5 classes.');
    expect(formatSubmissionReport(failed)).not.toContain('accuracy');
    expect(exitCodeOf(failed)).toBe(EXIT.modelFailed);
    expect(exitCodeOf(submission({ status: 'FAILED', failureKind: 'PLATFORM', evaluation: null }))).toBe(EXIT.server);
    expect(exitCodeOf(submission({ status: 'CANCELLED', evaluation: null }))).toBe(EXIT.modelFailed);
    expect(exitCodeOf(submission({ status: 'QUEUED', evaluation: null }))).toBe(EXIT.ok);
    expect(exitCodeOf(submission())).toBe(EXIT.ok);
  });
});

describe('the --wait progress', () => {
  const states = [
    submission({ status: 'QUEUED', queuePosition: 1, evaluation: null }),
    submission({ status: 'QUEUED', queuePosition: 1, evaluation: null }),
    submission({ status: 'RUNNING', progress: { images: 512, total: 10_000 }, evaluation: null }),
    submission({ status: 'RUNNING', progress: { images: 768, total: 10_000 }, evaluation: null }),
    submission({ status: 'RUNNING', progress: { images: 5_000, total: 10_000 }, evaluation: null }),
    submission(),
  ];

  it('rewrites one line on a terminal', () => {
    const chunks: string[] = [];
    const reporter = createProgressReporter((chunk) => chunks.push(chunk), true);
    for (const state of states) reporter.update(state);
    reporter.done();
    expect(chunks).toEqual([
      '\r\x1b[2KQUEUED: position 1 in the queue',
      '\r\x1b[2KRUNNING: 512 of 10,000 images scored (5%)',
      '\r\x1b[2KRUNNING: 768 of 10,000 images scored (7%)',
      '\r\x1b[2KRUNNING: 5,000 of 10,000 images scored (50%)',
      '\r\x1b[2KSCORED',
      '\n',
    ]);
  });

  it('prints plain lines in a log, only on a change of state or every 10%', () => {
    const chunks: string[] = [];
    const reporter = createProgressReporter((chunk) => chunks.push(chunk), false);
    for (const state of states) reporter.update(state);
    reporter.done();
    expect(chunks).toEqual([
      'QUEUED: position 1 in the queue\n',
      'RUNNING: 512 of 10,000 images scored (5%)\n',
      'RUNNING: 5,000 of 10,000 images scored (50%)\n',
      'SCORED\n',
    ]);
  });
});

describe('the leaderboard table', () => {
  it('shows rank, ties, baselines and costs', () => {
    const entry = {
      rank: 1,
      tied: true,
      modelId: 'm',
      modelName: 'LeNet',
      submissionId: 's',
      isBaseline: false,
      submitter: 'Ada',
      format: 'ONNX',
      accuracy: 0.99,
      accuracyCiLow: 0.988,
      accuracyCiHigh: 0.992,
      parameterCount: 61_706,
      artifactBytes: 250_000,
      meanLatencyMs: 0.0421,
      submittedAt: '2026-11-29T10:00:00Z',
      scorerVersion: '1.0.0',
    };
    const text = formatLeaderboard({
      dataset: 'mnist',
      scorerVersion: '1.0.0',
      data: [entry, { ...entry, modelName: 'Logistic regression', isBaseline: true, submitter: { name: 'Tenfold' } }],
      pagination: { page: 1, perPage: 50, total: 2, pageCount: 1 },
    });
    expect(text.split('\n')[0]).toBe('MNIST leaderboard: 2 models (scorer 1.0.0)');
    expect(text).toMatch(/1 = {2}LeNet\s+Ada\s+99\.00%\s+98\.80%–99\.20%\s+61,706\s+244\.1 KiB\s+0\.042\s+ONNX/);
    expect(text).toContain('Logistic regression (baseline)  Tenfold');
  });
});
