import type { DatasetId } from '@tenfold/datasets/catalog';

/** How the audit log and the admin console name one test image: `<dataset>/<index>`. */
export function imageTargetId(datasetId: DatasetId, imageIndex: number): string {
  return `${datasetId}/${imageIndex}`;
}
