import { describe, expect, it } from 'vitest';
import { submissionRefusal } from './submission-refusal.ts';

const context = { maxUploadBytes: 1024 * 1024, submissionsPerHour: 20, submissionsPerDay: 50 };
const bodyOf = async (response: Response) =>
  (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };

describe('submissionRefusal', () => {
  it('puts field problems in fields, with the sentences of the /submit form', async () => {
    const response = submissionRefusal(
      { httpStatus: 400, errors: { dataset: 'dataset_unknown', modelName: 'model_name_missing' } },
      context,
    );
    expect(response.status).toBe(400);
    const { error } = await bodyOf(response);
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'Choose a dataset: MNIST or Fashion-MNIST. Give your model a name.',
      fields: { dataset: 'Choose a dataset: MNIST or Fashion-MNIST.', modelName: 'Give your model a name.' },
    });
  });

  it('names too-large uploads, the hourly limit and the daily quota by their own codes', async () => {
    const tooLarge = submissionRefusal({ httpStatus: 413, errors: { file: 'file_too_large' } }, context);
    expect(tooLarge.status).toBe(413);
    expect(await bodyOf(tooLarge)).toEqual({
      error: { code: 'payload_too_large', message: 'The upload is larger than the 1 MiB limit.' },
    });

    const hourly = submissionRefusal(
      { httpStatus: 429, errors: { form: 'rate_limited' }, retryAfterSeconds: 30 },
      context,
    );
    expect(hourly.headers.get('retry-after')).toBe('30');
    expect((await bodyOf(hourly)).error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('20'),
    });

    const daily = submissionRefusal(
      { httpStatus: 429, errors: { form: 'daily_quota' }, retryAfterSeconds: 3600 },
      context,
    );
    const { error } = await bodyOf(daily);
    expect(error).toMatchObject({ code: 'quota_exceeded', message: expect.stringContaining('50') });
    expect(error.fields).toBeUndefined();
  });
});
