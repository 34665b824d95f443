'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

type FieldErrors = Partial<Record<string, string>>;

type Props = {
  datasets: Array<{ id: string; name: string }>;
  /** Values echoed back after a refused form post (the file has to be chosen again). */
  values: Partial<
    Record<'dataset' | 'modelName' | 'layout' | 'scale' | 'mean' | 'std' | 'output' | 'visibility', string>
  >;
  errors: FieldErrors;
  maxUploadBytes: number;
  maxUploadLabel: string;
};

const ENDPOINT = '/api/submissions';

function FieldError({ field, errors }: { field: string; errors: FieldErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p className="field__error" id={`${field}-error`} data-testid={`error-${field}`}>
      {message}
    </p>
  );
}

/**
 * A plain multipart form that works without JavaScript (the route handler redirects back here
 * with errors). With JavaScript the upload goes through fetch, so a refusal is shown inline
 * and the chosen file stays selected.
 */
export function SubmitForm({ datasets, values, errors: initialErrors, maxUploadBytes, maxUploadLabel }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>(initialErrors);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const totalBytes = data.getAll('file').reduce((sum, file) => sum + (file instanceof File ? file.size : 0), 0);
    if (totalBytes > maxUploadBytes) {
      setErrors({ file: `The upload is larger than the ${maxUploadLabel} limit.` });
      return;
    }
    setIsSubmitting(true);
    setErrors({});
    try {
      const response = await fetch(ENDPOINT, { method: 'POST', body: data, headers: { Accept: 'application/json' } });
      const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string; errors?: FieldErrors };
      if (response.ok && body.id) {
        router.push(`/submissions/${encodeURIComponent(body.id)}`);
        return;
      }
      setErrors(body.errors ?? { form: body.error ?? `The upload was refused (HTTP ${response.status}).` });
    } catch {
      setErrors({ form: 'The upload did not reach Tenfold. Check your connection and try again.' });
    }
    setIsSubmitting(false);
  }

  const describedBy = (field: string) => (errors[field] ? `${field}-error` : undefined);

  return (
    <form
      method="post"
      action={ENDPOINT}
      encType="multipart/form-data"
      className="form card"
      onSubmit={handleSubmit}
      data-testid="submit-form"
    >
      {errors.form ? (
        <div className="alert alert--error" role="alert" data-testid="error-form">
          {errors.form}
        </div>
      ) : Object.keys(errors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          The model was not submitted. Fix the fields marked below and try again.
        </div>
      ) : null}

      <div className="field">
        <label htmlFor="dataset">Dataset</label>
        <select
          id="dataset"
          name="dataset"
          defaultValue={values.dataset ?? datasets[0]?.id}
          aria-describedby={describedBy('dataset')}
        >
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name}
            </option>
          ))}
        </select>
        <FieldError field="dataset" errors={errors} />
      </div>

      <div className="field">
        <label htmlFor="modelName">Model name</label>
        <input
          id="modelName"
          name="modelName"
          type="text"
          required
          maxLength={80}
          pattern="[A-Za-z0-9][A-Za-z0-9 ._+\-]*"
          placeholder="e.g. LeNet-5 dropout"
          autoComplete="off"
          defaultValue={values.modelName}
          aria-invalid={errors.modelName ? true : undefined}
          aria-describedby={describedBy('modelName') ?? 'modelName-hint'}
        />
        <p className="field__hint" id="modelName-hint">
          Up to 80 characters: letters, digits, spaces and . _ + -. Submitting again under the same name adds a new
          version of that model.
        </p>
        <FieldError field="modelName" errors={errors} />
      </div>

      <div className="field">
        <label htmlFor="file">Model files</label>
        <input
          id="file"
          name="file"
          type="file"
          required
          multiple
          accept=".onnx,.data,.zip,.json,.bin,application/octet-stream"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={describedBy('file') ?? 'file-hint'}
        />
        <p className="field__hint" id="file-hint">
          An .onnx file, with its external-data file if the export wrote one (PyTorch 2.9 and later write model.onnx and
          model.onnx.data: choose both, or a .zip of their folder); or a TF.js model: its folder as a .zip, or
          model.json with its .bin weight files. Up to {maxUploadLabel} in all.
        </p>
        <FieldError field="file" errors={errors} />
      </div>

      <div className="field">
        <label htmlFor="visibility">Who can see it</label>
        <select
          id="visibility"
          name="visibility"
          defaultValue={values.visibility ?? 'public'}
          aria-describedby={describedBy('visibility') ?? 'visibility-hint'}
        >
          <option value="public">Public: on the leaderboard</option>
          <option value="private">Private: only you</option>
        </select>
        <p className="field__hint" id="visibility-hint">
          Applies to a new model; an existing model keeps its setting (change it under My models).
        </p>
        <FieldError field="visibility" errors={errors} />
      </div>

      <fieldset className="fieldset">
        <legend>Input contract</legend>
        <p className="field__hint">
          How your model expects its input. The defaults fit a PyTorch export: NCHW is [N, 1, 28, 28], NHWC is [N, 28,
          28, 1], flat is [N, 784]; standard scaling is (pixel / 255 − mean) / std.
        </p>
        <div className="field-row">
          <div className="field">
            <label htmlFor="layout">Layout</label>
            <select
              id="layout"
              name="layout"
              defaultValue={values.layout ?? 'nchw'}
              aria-describedby={describedBy('layout')}
            >
              <option value="nchw">NCHW (PyTorch)</option>
              <option value="nhwc">NHWC (Keras)</option>
              <option value="flat">Flat</option>
              <option value="nhw">NHW (Keras, no channel axis)</option>
            </select>
            <FieldError field="layout" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="scale">Pixel scaling</label>
            <select
              id="scale"
              name="scale"
              defaultValue={values.scale ?? 'unit'}
              aria-describedby={describedBy('scale')}
            >
              <option value="unit">Unit (pixel / 255)</option>
              <option value="byte">Byte (0–255)</option>
              <option value="standard">Standard (mean, std)</option>
            </select>
            <FieldError field="scale" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="output">Output</label>
            <select
              id="output"
              name="output"
              defaultValue={values.output ?? 'logits'}
              aria-describedby={describedBy('output')}
            >
              <option value="logits">Logits</option>
              <option value="probabilities">Probabilities</option>
            </select>
            <FieldError field="output" errors={errors} />
          </div>
        </div>
        <div className="field-row standard-only">
          <div className="field">
            <label htmlFor="mean">Mean</label>
            <input
              id="mean"
              name="mean"
              type="number"
              step="any"
              placeholder="0.1307"
              defaultValue={values.mean}
              aria-describedby={describedBy('mean')}
            />
            <FieldError field="mean" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor="std">Standard deviation</label>
            <input
              id="std"
              name="std"
              type="number"
              step="any"
              min="0"
              placeholder="0.3081"
              defaultValue={values.std}
              aria-describedby={describedBy('std')}
            />
            <FieldError field="std" errors={errors} />
          </div>
        </div>
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button" disabled={isSubmitting} data-testid="submit-button">
          {isSubmitting ? 'Uploading…' : 'Submit for scoring'}
        </button>
      </div>
    </form>
  );
}
