export { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from './evaluation-in-force.ts';
export { finalizeRescoreBatch } from './finalize-rescore-batch.ts';
export { getBoardRanks } from './get-board-ranks.ts';
export { getLeaderboard, type LeaderboardEntry } from './get-leaderboard.ts';
export { rankModels, type ScoredSubmission } from './rank-models.ts';
export { readNewRanks, writeNewRanks } from './write-new-ranks.ts';
