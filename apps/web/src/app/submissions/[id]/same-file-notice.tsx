import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import { getRequestDb } from '@/server/db';

type Props = { submissionId: string; submitterId: string; artifactSha256: string; datasetId: DatasetId };

/**
 * Tells the submitter they uploaded this very file (same SHA-256) on this dataset before, with a
 * link to the earlier submission: the same model twice would otherwise be two entries without a word.
 * Shown on the submission page, so it reaches uploads from the form, the CLI and the API alike.
 */
export async function SameFileNotice({ submissionId, submitterId, artifactSha256, datasetId }: Props) {
  const earlier = await (await getRequestDb()).submission.findFirst({
    where: { submitterId, artifactSha256, dataset: datasetEnumFromId(datasetId), id: { not: submissionId } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, createdAt: true, model: { select: { name: true } } },
  });
  if (!earlier) return null;
  return (
    <p className="alert alert--warning" data-testid="same-file-notice">
      {`You uploaded this same file (SHA-256 ${artifactSha256.slice(0, 12)}…) on ${formatDateTime(earlier.createdAt)} as “${earlier.model.name}”: `}
      <Link href={`/submissions/${earlier.id}`}>see that submission</Link>. Delete one of them if you did not mean to
      submit it twice.
    </p>
  );
}
