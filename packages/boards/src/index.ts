export {
  LABEL_ERROR_AGREEMENT,
  LABEL_ERROR_MIN_STRONG_MODELS,
  STRONG_MODEL_COUNT,
} from './consensus/consensus-thresholds.ts';
export {
  type ConsensusSyncResult,
  type LoadTestLabels,
  syncImageConsensus,
} from './consensus/sync-image-consensus.ts';
export { CLASS_COUNT, summariseImage, topVote } from './consensus/tally-votes.ts';
export { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from './evaluation-in-force.ts';
export { finalizeRescoreBatch } from './finalize-rescore-batch.ts';
export { getBoardRanks } from './get-board-ranks.ts';
export { getLeaderboard, type LeaderboardEntry } from './get-leaderboard.ts';
export { rankModels, type ScoredSubmission } from './rank-models.ts';
export { readNewRanks, writeNewRanks } from './write-new-ranks.ts';
