import 'server-only';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';

export const LABEL_FLAG_PAGE_SIZE = 100;

export type AdminLabelFlag = {
  id: string;
  datasetId: DatasetId;
  imageIndex: number;
  label: number | null;
  strongClass: number | null;
  strongVotes: number;
  strongCount: number;
  correctCount: number;
  modelsCounted: number;
  suggestedClass: number | null;
  note: string | null;
  flaggedBy: string;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewOutcome: string | null;
  reviewerName: string | null;
};

/**
 * Label flags for the admin console, newest first, with what the consensus says of their image:
 * the open ones to review, or the reviewed ones with who concluded what.
 */
export async function listLabelFlags(db: Db, status: 'open' | 'reviewed'): Promise<AdminLabelFlag[]> {
  const flags = await db.labelFlag.findMany({
    where: { reviewedAt: status === 'open' ? null : { not: null } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LABEL_FLAG_PAGE_SIZE,
    include: { user: { select: { name: true, email: true } }, reviewer: { select: { name: true } } },
  });
  const images = await db.imageConsensus.findMany({
    where: { OR: flags.map((flag) => ({ dataset: flag.dataset, imageIndex: flag.imageIndex })) },
    select: {
      dataset: true,
      imageIndex: true,
      label: true,
      strongTopClass: true,
      strongTopCount: true,
      strongCount: true,
      correctCount: true,
      modelsCounted: true,
    },
  });
  const byImage = new Map(images.map((image) => [`${image.dataset}/${image.imageIndex}`, image]));
  return flags.map((flag) => {
    const image = byImage.get(`${flag.dataset}/${flag.imageIndex}`);
    return {
      id: flag.id,
      datasetId: datasetIdFromEnum(flag.dataset),
      imageIndex: flag.imageIndex,
      label: image?.label ?? null,
      strongClass: image?.strongTopClass ?? null,
      strongVotes: image?.strongTopCount ?? 0,
      strongCount: image?.strongCount ?? 0,
      correctCount: image?.correctCount ?? 0,
      modelsCounted: image?.modelsCounted ?? 0,
      suggestedClass: flag.suggestedClass,
      note: flag.note,
      flaggedBy: `${flag.user.name} <${flag.user.email}>`,
      createdAt: flag.createdAt,
      reviewedAt: flag.reviewedAt,
      reviewOutcome: flag.reviewOutcome,
      reviewerName: flag.reviewer?.name ?? null,
    };
  });
}
