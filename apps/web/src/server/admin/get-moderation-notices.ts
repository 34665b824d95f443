import 'server-only';
import type { Db } from '@tenfold/db';

/** What a moderator did to an entry, as its owner is told. */
export type ModerationNotice = {
  hiddenReason: string | null;
  disqualifiedReason: string | null;
  isHidden: boolean;
  isDisqualified: boolean;
};

type Moderated = {
  hiddenAt: Date | null;
  hiddenReason: string | null;
  disqualifiedAt: Date | null;
  disqualifiedReason: string | null;
};

const SELECT = { hiddenAt: true, hiddenReason: true, disqualifiedAt: true, disqualifiedReason: true } as const;

function toNotice(row: Moderated): ModerationNotice | null {
  if (!row.hiddenAt && !row.disqualifiedAt) return null;
  return {
    isHidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenAt ? row.hiddenReason : null,
    isDisqualified: row.disqualifiedAt !== null,
    disqualifiedReason: row.disqualifiedAt ? row.disqualifiedReason : null,
  };
}

/**
 * The moderation of a submission and of its model. Callers show it only to the owner and
 * admins: everyone else gets a 404 for a moderated entry anyway.
 */
export async function getSubmissionModeration(
  db: Db,
  submissionId: string,
): Promise<{ submission: ModerationNotice | null; model: ModerationNotice | null }> {
  const row = await db.submission.findUnique({
    where: { id: submissionId },
    select: { ...SELECT, model: { select: SELECT } },
  });
  return { submission: row ? toNotice(row) : null, model: row ? toNotice(row.model) : null };
}

export async function getModelModeration(
  db: Db,
  modelId: string,
): Promise<{ ownerId: string; notice: ModerationNotice | null } | null> {
  const row = await db.model.findUnique({ where: { id: modelId }, select: { ownerId: true, ...SELECT } });
  return row ? { ownerId: row.ownerId, notice: toNotice(row) } : null;
}

/** Every moderated model and submission of one owner, by id, for their account page. */
export async function getOwnModeration(db: Db, ownerId: string): Promise<Map<string, ModerationNotice>> {
  const moderated = { OR: [{ hiddenAt: { not: null } }, { disqualifiedAt: { not: null } }] };
  const [models, submissions] = await Promise.all([
    db.model.findMany({ where: { ownerId, ...moderated }, select: { id: true, ...SELECT } }),
    db.submission.findMany({ where: { model: { ownerId }, ...moderated }, select: { id: true, ...SELECT } }),
  ]);
  const notices = new Map<string, ModerationNotice>();
  for (const row of [...models, ...submissions]) {
    const notice = toNotice(row);
    if (notice) notices.set(row.id, notice);
  }
  return notices;
}
