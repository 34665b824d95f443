import 'server-only';
import type { Db } from '@tenfold/db';

export type ClassDropShare = {
  classIndex: number;
  /** Mean accuracy of the counted models on this class's test images, per dataset. */
  mnistAccuracy: number;
  fashionAccuracy: number;
  /** Percentage points of the overall mean accuracy this class loses from MNIST to Fashion-MNIST. */
  dropPoints: number;
  /** dropPoints / the whole drop: the shares add up to 1. */
  share: number;
};

export type ClassDropShares = { mnistModels: number; fashionModels: number; drop: number; classes: ClassDropShare[] };

/**
 * Where the accuracy goes from MNIST to Fashion-MNIST, class by class (index k on one dataset
 * against index k on the other). Over each dataset's counted models, the mean accuracy is
 * Σ_k correct_k / (models × images), so the drop splits exactly into one term per class:
 * (correct_k on MNIST / (models_M × images_M)) − (correct_k on Fashion / (models_F × images_F)).
 * Null while either dataset has no counted model.
 */
export async function getClassDropShares(db: Db): Promise<ClassDropShares | null> {
  const rows = await db.$queryRaw<
    { dataset: string; label: number; correct: number; images: number; models: number }[]
  >`
    SELECT dataset::text AS dataset, label, sum("correctCount")::int AS correct, count(*)::int AS images,
      max("modelsCounted")::int AS models
    FROM "ImageConsensus" GROUP BY dataset, label`;
  const of = (dataset: string) => rows.filter((row) => row.dataset === dataset);
  const [mnist, fashion] = [of('MNIST'), of('FASHION_MNIST')];
  const models = (part: typeof rows) => Math.max(0, ...part.map((row) => row.models));
  const [mnistModels, fashionModels] = [models(mnist), models(fashion)];
  if (mnistModels === 0 || fashionModels === 0) return null;
  const total = (part: typeof rows) => part.reduce((sum, row) => sum + row.images, 0);
  const [mnistImages, fashionImages] = [total(mnist), total(fashion)];
  const classes = Array.from({ length: 10 }, (_, classIndex) => {
    const m = mnist.find((row) => row.label === classIndex);
    const f = fashion.find((row) => row.label === classIndex);
    const mnistPart = (m?.correct ?? 0) / (mnistModels * mnistImages);
    const fashionPart = (f?.correct ?? 0) / (fashionModels * fashionImages);
    return {
      classIndex,
      mnistAccuracy: m ? m.correct / (mnistModels * m.images) : 0,
      fashionAccuracy: f ? f.correct / (fashionModels * f.images) : 0,
      dropPoints: (mnistPart - fashionPart) * 100,
      share: 0,
    };
  });
  const drop = classes.reduce((sum, row) => sum + row.dropPoints, 0);
  for (const row of classes) row.share = drop === 0 ? 0 : row.dropPoints / drop;
  return { mnistModels, fashionModels, drop, classes };
}
