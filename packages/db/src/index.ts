export { type Db, disconnectDb, getDb } from './client.ts';
export type {
  Account,
  ApiToken,
  Artifact,
  AuditLog,
  Evaluation,
  Model,
  RescoreBatch,
  Session,
  Submission,
  User,
  Verification,
  WorkerHeartbeat,
} from './generated/client.ts';
export { Prisma } from './generated/client.ts';
export * from './generated/enums.ts';
export { countSubmissionsAgainstQuota } from './submissions/count-submissions-against-quota.ts';
export {
  isPublicSubmission,
  publicModelsWhere,
  publicSubmissionsWhere,
  rankedSubmissionsSql,
  rankedSubmissionsWhere,
} from './submissions/public-submissions.ts';
export {
  beatSubmissionHeartbeat,
  type CancelFrom,
  type ClaimedSubmission,
  createQueuedSubmission,
  FINAL_SUBMISSION_STATUSES,
  handBackSubmission,
  markSubmissionCancelled,
  markSubmissionFailed,
  markSubmissionRunning,
  markSubmissionScored,
  requeueSubmission,
  retryFailedSubmission,
  type SubmissionClaim,
  type SubmissionFailure,
  settleOrphanedSubmissions,
  type UnheldSubmission,
} from './submissions/submission-status.ts';
export {
  type SetUserRoleInput,
  type SetUserRoleResult,
  setUserRole,
  type UserRoleView,
} from './users/set-user-role.ts';
