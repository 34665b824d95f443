import { formatShape, INPUT_LAYOUTS, INPUT_SCALES, OUTPUT_KINDS, STANDARD_SCALING_DEFAULTS } from '@tenfold/contract';
import { DATASET_IDS, getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getEnv } from '@/env';
import { formatBytes } from '@/lib/format';
import { getViewer } from '@/server/auth/get-viewer';
import { describeSubmissionErrors } from '@/server/submissions/submission-errors';
import { buildSubmitFormUrl, readSubmitFormQuery } from '@/server/submissions/submit-form-query';
import { SubmitForm } from './submit-form.tsx';

export const metadata: Metadata = { title: 'Submit a model' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubmitPage({ searchParams }: Props) {
  const query = await searchParams;
  if (!(await getViewer())) {
    const back = buildSubmitFormUrl({}, readSubmitFormQuery(query).values);
    redirect(`/sign-in?next=${encodeURIComponent(back)}`);
  }
  const env = getEnv();
  const maxUploadBytes = env.MAX_UPLOAD_BYTES;
  const { values, errors } = readSubmitFormQuery(query);
  const datasets = DATASET_IDS.map((id) => ({ id, name: getDatasetInfo(id).name }));

  return (
    <div className="submit-layout">
      <section>
        <p className="eyebrow">Submit</p>
        <h1>Submit a model</h1>
        <p className="lead">
          Upload an ONNX classifier. It is queued, scored on the dataset&apos;s 10,000 test images and, once scored,
          ranked on the leaderboard.
        </p>
        <SubmitForm
          datasets={datasets}
          values={values}
          errors={describeSubmissionErrors(errors, {
            maxUploadBytes,
            submissionsPerHour: env.SUBMISSIONS_PER_HOUR,
            submissionsPerDay: env.SUBMISSIONS_PER_DAY,
          })}
          maxUploadBytes={maxUploadBytes}
          maxUploadLabel={formatBytes(maxUploadBytes)}
        />
      </section>

      <aside className="card explainer" aria-labelledby="expects-heading">
        <h2 id="expects-heading">What the scorer expects</h2>
        <ul>
          <li>
            <strong>One ONNX file</strong> (up to {formatBytes(maxUploadBytes)}) with a single float32 input and a
            single output. A dynamic batch dimension lets the scorer run large batches.
          </li>
          <li>
            <strong>Input</strong>: 28×28 grayscale images exactly as in the dataset files: light strokes on a black
            background (0 = background), not inverted. Tell us the layout your model was exported with:
            {INPUT_LAYOUTS.map((layout, index) => (
              <span key={layout.id}>
                {index === 0 ? ' ' : index === INPUT_LAYOUTS.length - 1 ? ' or ' : ', '}
                <code>{formatShape(layout.shape)}</code> ({layout.label})
              </span>
            ))}
            .
          </li>
          <li>
            <strong>Scaling</strong>:
            {INPUT_SCALES.map((scale, index) => (
              <span key={scale.id}>
                {index === 0 ? ' ' : '; '}
                <em>{scale.id}</em> is {scale.formula} ({scale.help})
              </span>
            ))}
            . The usual mean / std:{' '}
            {DATASET_IDS.map(
              (id) =>
                `${STANDARD_SCALING_DEFAULTS[id].mean} / ${STANDARD_SCALING_DEFAULTS[id].std} on ${getDatasetInfo(id).name}`,
            ).join(', ')}
            .
          </li>
          <li>
            <strong>Output</strong>: 10 scores per image, {OUTPUT_KINDS.map((output) => output.id).join(' or ')}, in
            class order. The predicted class is the highest score.
          </li>
          <li>
            <strong>Private models</strong> are scored like any other but shown only to you (and admins): never on
            leaderboards or in counts. Change it any time under My models.
          </li>
          <li>
            Results: accuracy with its 95% confidence interval, recall for each of the 10 classes, the confusion matrix
            and throughput.
          </li>
        </ul>
      </aside>
    </div>
  );
}
