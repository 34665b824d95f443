import 'server-only';
import { DATASET_IDS, type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import { type Db, publicSubmissionsWhere, rankedSubmissionsWhere } from '@tenfold/db';

export type DatasetStats = {
  id: DatasetId;
  rankedModels: number;
  scoredSubmissions: number;
  bestAccuracy: number | null;
};

export type HomeStats = {
  datasets: DatasetStats[];
  totalSubmissions: number;
  /** Public submissions QUEUED or RUNNING right now. */
  inProgress: number;
};

async function getDatasetStats(db: Db, id: DatasetId): Promise<DatasetStats> {
  const where = rankedSubmissionsWhere(datasetEnumFromId(id));
  const [models, scoredSubmissions, best] = await Promise.all([
    db.submission.findMany({ where, distinct: ['modelId'], select: { modelId: true } }),
    db.submission.count({ where }),
    db.evaluation.aggregate({ where: { submission: where }, _max: { accuracy: true } }),
  ]);
  return { id, rankedModels: models.length, scoredSubmissions, bestAccuracy: best._max.accuracy };
}

/** The counts on the home page. */
export async function getHomeStats(db: Db): Promise<HomeStats> {
  const [datasets, totalSubmissions, inProgress] = await Promise.all([
    Promise.all(DATASET_IDS.map((id) => getDatasetStats(db, id))),
    db.submission.count({ where: publicSubmissionsWhere() }),
    db.submission.count({ where: { ...publicSubmissionsWhere(), status: { in: ['QUEUED', 'RUNNING'] } } }),
  ]);
  return { datasets, totalSubmissions, inProgress };
}
