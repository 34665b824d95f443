import type { ModerationNotice as Notice } from '@/server/admin/get-moderation-notices';

/** What a moderator did and why, for the entry's owner (and admins); `what` names the entry. */
export function ModerationNotice({ notice, what }: { notice: Notice | null; what: string }) {
  if (!notice) return null;
  return (
    <div className="alert alert--warning" data-testid="moderation-notice">
      {notice.isHidden ? (
        <p data-testid="moderation-hidden">
          <strong>{what}.</strong> Hidden by a moderator: {notice.hiddenReason ?? 'no reason given'}
        </p>
      ) : null}
      {notice.isDisqualified ? (
        <p data-testid="moderation-disqualified">
          <strong>{what}.</strong> Disqualified: {notice.disqualifiedReason ?? 'no reason given'}
        </p>
      ) : null}
      <p className="small">It stays visible to you and admins but is off public pages and leaderboards.</p>
    </div>
  );
}
