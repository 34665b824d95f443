import { describe, expect, it } from 'vitest';
import { renderRefusal } from '@/server/http/render-refusal';
import { type SubmissionFailure, submissionRefusal } from './submission-refusal.ts';

const context = { maxUploadBytes: 1024 * 1024, submissionsPerHour: 20, submissionsPerDay: 50 };
const bodyOf = async (response: Response) =>
  (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
const v1 = (failure: Omit<SubmissionFailure, 'ok'>) =>
  renderRefusal(submissionRefusal({ ok: false, ...failure }, context), 'v1');

describe('submissionRefusal', () => {
  it('puts field problems in fields, with the sentences of the /submit form', async () => {
    const response = v1({ status: 400, errors: { dataset: 'dataset_unknown', modelName: 'model_name_missing' } });
    expect(response.status).toBe(400);
    const { error } = await bodyOf(response);
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'Choose a dataset: MNIST or Fashion-MNIST. Give your model a name.',
      fields: { dataset: 'Choose a dataset: MNIST or Fashion-MNIST.', modelName: 'Give your model a name.' },
    });
  });

  it('names too-large uploads, the hourly limit and the daily quota by their own codes', async () => {
    const tooLarge = v1({ status: 413, errors: { file: 'file_too_large' } });
    expect(tooLarge.status).toBe(413);
    expect(await bodyOf(tooLarge)).toEqual({
      error: { code: 'payload_too_large', message: 'The upload is larger than the 1 MiB limit.' },
    });

    const hourly = v1({ status: 429, errors: { form: 'rate_limited' }, retryAfterSeconds: 30 });
    expect(hourly.headers.get('retry-after')).toBe('30');
    expect((await bodyOf(hourly)).error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('20'),
    });

    const daily = v1({ status: 429, errors: { form: 'daily_quota' }, retryAfterSeconds: 3600 });
    const { error } = await bodyOf(daily);
    expect(error).toMatchObject({ code: 'quota_exceeded', message: expect.stringContaining('50') });
    expect(error.fields).toBeUndefined();
  });

  it('answers /api with every sentence and code by field, from the same refusal', async () => {
    const failure = { ok: false, status: 400, errors: { modelName: 'model_name_missing' } } as const;
    const response = renderRefusal(submissionRefusal(failure, context), 'api');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Give your model a name.',
      errors: { modelName: 'Give your model a name.' },
      codes: { modelName: 'model_name_missing' },
    });
  });
});
