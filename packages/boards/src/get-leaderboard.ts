import { SCORER_VERSION } from '@tenfold/contract';
import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import { type Db, type ModelFormat, rankedSubmissionsSql } from '@tenfold/db';
import { type Ranked, rankModels, type ScoredSubmission } from './rank-models.ts';

export type LeaderboardSubmission = ScoredSubmission & {
  isBaseline: boolean;
  format: ModelFormat;
  parameterCount: number | null;
  artifactBytes: number;
  meanLatencyMs: number;
  imagesPerSecond: number;
  /** Older than the current scorer version when the entry awaits a rescore. */
  scorerVersion: string;
  /** The evaluation in force the entry's numbers come from. */
  evaluationId: string;
};

export type LeaderboardEntry = Ranked<LeaderboardSubmission>;

type Row = {
  submissionId: string;
  modelId: string;
  modelName: string;
  isBaseline: boolean;
  submitterName: string;
  format: ModelFormat;
  submittedAt: Date;
  accuracy: number;
  accuracyCiLow: number;
  accuracyCiHigh: number;
  parameterCount: number | null;
  artifactBytes: number;
  meanLatencyMs: number;
  imagesPerSecond: number;
  scorerVersion: string;
  evaluationId: string;
};

/**
 * One row per public model: its best scored submission on the dataset, ties to the earlier one.
 * A submission counts with its evaluation in force (evaluation-in-force.ts): the newest under the
 * current scorer version, else its newest older one, so a rescore replaces the old number rather
 * than competing with it.
 *
 * Raw SQL because two DISTINCT ONs pick the rows in PostgreSQL: loading every submission with
 * Prisma costs tens of milliseconds at 10,000 submissions. The WHERE clause is @tenfold/db's
 * rankedSubmissionsSql, the SQL twin of the rankedSubmissionsWhere that pages and counts use.
 */
export async function getLeaderboard(
  db: Pick<Db, '$queryRaw'>,
  datasetId: DatasetId,
  options: { limit?: number } = {},
): Promise<LeaderboardEntry[]> {
  const dataset = datasetEnumFromId(datasetId);
  const rows = await db.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (e."submissionId")
        s.id AS "submissionId", s."modelId", s.format, s."createdAt" AS "submittedAt", s."submitterId",
        e.accuracy, e."accuracyCiLow", e."accuracyCiHigh", e."parameterCount", e."artifactBytes",
        e."meanLatencyMs", e."imagesPerSecond", e."scorerVersion", e.id AS "evaluationId"
      FROM "Submission" s
      JOIN "Evaluation" e ON e."submissionId" = s.id
      JOIN "Model" m ON m.id = s."modelId"
      WHERE ${rankedSubmissionsSql(dataset)}
      ORDER BY e."submissionId", (e."scorerVersion" = ${SCORER_VERSION}) DESC, e."createdAt" DESC, e.id DESC
    ), best AS (
      SELECT DISTINCT ON ("modelId") *
      FROM latest
      ORDER BY "modelId", accuracy DESC, "submittedAt" ASC, "submissionId" ASC
    )
    SELECT b."submissionId", b."modelId", m.name AS "modelName", m."isBaseline", u.name AS "submitterName",
      b.format, b."submittedAt", b.accuracy, b."accuracyCiLow", b."accuracyCiHigh", b."parameterCount",
      b."artifactBytes", b."meanLatencyMs", b."imagesPerSecond", b."scorerVersion", b."evaluationId"
    FROM best b
    JOIN "Model" m ON m.id = b."modelId"
    JOIN "User" u ON u.id = b."submitterId"`;
  const ranked = rankModels(rows);
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}
