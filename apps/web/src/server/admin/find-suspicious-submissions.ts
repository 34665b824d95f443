import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { type Dataset, type Db, isPublicSubmission } from '@tenfold/db';

/** What earns a scored public submission a place on the review list. */
export const SUSPICION_RULES = {
  /** Accuracy minus the accuracy on the images moved one pixel: a memorised test set falls apart. */
  shiftGap: 0.25,
  /** Perfect or near it: beyond what any published MNIST model reaches. */
  nearPerfect: 0.999,
  /** Over the model's previous scored submission on the same dataset. */
  jump: 0.15,
} as const;

export type SuspicionReason =
  | { rule: 'shift-gap'; gap: number }
  | { rule: 'near-perfect'; accuracy: number }
  | { rule: 'same-artifact'; otherSubmitters: number }
  | { rule: 'jump'; previousAccuracy: number; previousId: string };

export type SuspiciousSubmission = {
  id: string;
  dataset: Dataset;
  modelId: string;
  modelName: string;
  submitterName: string;
  accuracy: number;
  shiftedAccuracy: number | null;
  createdAt: Date;
  reasons: SuspicionReason[];
};

/**
 * Scored public submissions nobody reviewed yet, whose shifted-copy check is not still running,
 * that match at least one rule, most reasons first.
 * Reads every scored submission once (the jump rule needs each model's history); an admin page
 * with a few thousand rows, not a hot path.
 */
export async function findSuspiciousSubmissions(db: Db, limit = 200): Promise<SuspiciousSubmission[]> {
  const [rows, artifactOwners] = await Promise.all([
    db.submission.findMany({
      where: { status: 'SCORED' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        dataset: true,
        createdAt: true,
        reviewedAt: true,
        hiddenAt: true,
        disqualifiedAt: true,
        artifactSha256: true,
        submitterId: true,
        submitter: { select: { name: true } },
        model: { select: { id: true, name: true, visibility: true, hiddenAt: true, disqualifiedAt: true } },
        evaluations: {
          orderBy: NEWEST_EVALUATIONS_FIRST,
          select: { accuracy: true, shiftedAccuracy: true, shiftedCheck: true, scorerVersion: true },
        },
      },
    }),
    db.submission.groupBy({ by: ['artifactSha256', 'submitterId'] }),
  ]);
  const submittersOf = new Map<string, Set<string>>();
  for (const { artifactSha256, submitterId } of artifactOwners) {
    const set = submittersOf.get(artifactSha256) ?? new Set<string>();
    set.add(submitterId);
    submittersOf.set(artifactSha256, set);
  }

  const previousOf = new Map<string, { id: string; accuracy: number }>();
  const flagged: SuspiciousSubmission[] = [];
  for (const row of rows) {
    const evaluation = pickEvaluationInForce(row.evaluations);
    if (!evaluation) continue;
    const historyKey = `${row.model.id}:${row.dataset}`;
    const previous = previousOf.get(historyKey);
    previousOf.set(historyKey, { id: row.id, accuracy: evaluation.accuracy });
    if (row.reviewedAt || !isPublicSubmission(row)) continue;
    // Judged once its shifted-copy check has finished (it runs after the score is published):
    // until then the reviewer would see half the evidence.
    if (evaluation.shiftedCheck === 'RUNNING') continue;

    const reasons: SuspicionReason[] = [];
    const { accuracy, shiftedAccuracy } = evaluation;
    if (shiftedAccuracy !== null && accuracy - shiftedAccuracy > SUSPICION_RULES.shiftGap) {
      reasons.push({ rule: 'shift-gap', gap: accuracy - shiftedAccuracy });
    }
    if (accuracy >= SUSPICION_RULES.nearPerfect) reasons.push({ rule: 'near-perfect', accuracy });
    const otherSubmitters = (submittersOf.get(row.artifactSha256)?.size ?? 1) - 1;
    if (otherSubmitters > 0) reasons.push({ rule: 'same-artifact', otherSubmitters });
    if (previous && accuracy - previous.accuracy > SUSPICION_RULES.jump) {
      reasons.push({ rule: 'jump', previousAccuracy: previous.accuracy, previousId: previous.id });
    }
    if (reasons.length === 0) continue;
    flagged.push({
      id: row.id,
      dataset: row.dataset,
      modelId: row.model.id,
      modelName: row.model.name,
      submitterName: row.submitter.name,
      accuracy,
      shiftedAccuracy,
      createdAt: row.createdAt,
      reasons,
    });
  }
  return flagged
    .sort((a, b) => b.reasons.length - a.reasons.length || b.accuracy - a.accuracy || a.id.localeCompare(b.id))
    .slice(0, limit);
}
