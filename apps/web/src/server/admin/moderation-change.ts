/** Moderation verbs shared by submissions and models (both carry the same four columns). */
export const MODERATION_ACTIONS = ['hide', 'unhide', 'disqualify', 'requalify'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Hiding and disqualifying are shown to the owner with their reason, so one is required. */
export const ACTIONS_NEEDING_REASON = new Set<string>(['hide', 'disqualify']);

/** Assignable to both Prisma.SubmissionWhereInput and Prisma.ModelWhereInput. */
type ModerationPrecondition = { hiddenAt?: null | { not: null }; disqualifiedAt?: null | { not: null } };

type ModerationColumns = {
  hiddenAt?: Date | null;
  hiddenReason?: string | null;
  disqualifiedAt?: Date | null;
  disqualifiedReason?: string | null;
};

export type ModerationChange = {
  /** The row must match this to change: an action that would change nothing is skipped. */
  precondition: ModerationPrecondition;
  data: ModerationColumns;
  /** What happened, and why a row that does not match was skipped. */
  done: string;
  skipped: string;
};

/** The conditional update each verb makes; `reason` is the admin's why, shown to the owner. */
export function moderationChange(action: ModerationAction, reason: string | null, now: Date): ModerationChange {
  switch (action) {
    case 'hide':
      return {
        precondition: { hiddenAt: null },
        data: { hiddenAt: now, hiddenReason: reason },
        done: 'hidden',
        skipped: 'already hidden',
      };
    case 'unhide':
      return {
        precondition: { hiddenAt: { not: null } },
        data: { hiddenAt: null, hiddenReason: null },
        done: 'visible again',
        skipped: 'not hidden',
      };
    case 'disqualify':
      return {
        precondition: { disqualifiedAt: null },
        data: { disqualifiedAt: now, disqualifiedReason: reason },
        done: 'disqualified',
        skipped: 'already disqualified',
      };
    case 'requalify':
      return {
        precondition: { disqualifiedAt: { not: null } },
        data: { disqualifiedAt: null, disqualifiedReason: null },
        done: 'requalified',
        skipped: 'not disqualified',
      };
  }
}
