import { describe, expect, it } from 'vitest';
import { buildSubmitFormUrl, readSubmitFormQuery } from './submit-form-query.ts';

function queryOf(url: string) {
  return Object.fromEntries(new URL(url, 'http://tenfold.test').searchParams);
}

describe('submit form query', () => {
  it('round-trips values and error codes', () => {
    const url = buildSubmitFormUrl(
      { modelName: 'model_name_charset', file: 'file_empty' },
      { dataset: 'fashion-mnist', modelName: 'my <model>', scale: 'unit', file: { name: 'x' } },
    );
    expect(url.startsWith('/submit?')).toBe(true);
    expect(readSubmitFormQuery(queryOf(url))).toEqual({
      values: { dataset: 'fashion-mnist', modelName: 'my <model>', scale: 'unit' },
      errors: { modelName: 'model_name_charset', file: 'file_empty' },
    });
  });

  it('drops unknown error codes, codes of another field and unknown datasets', () => {
    expect(
      readSubmitFormQuery({
        err_file: 'Visit evil.example',
        err_modelName: 'file_empty',
        err_std: 'std_invalid',
        dataset: 'cifar',
      }),
    ).toEqual({ values: {}, errors: { std: 'std_invalid' } });
  });

  it('is plain /submit when there is nothing to carry', () => {
    expect(buildSubmitFormUrl({}, {})).toBe('/submit');
    expect(buildSubmitFormUrl({}, { dataset: 'fashion-mnist' })).toBe('/submit?dataset=fashion-mnist');
  });
});
