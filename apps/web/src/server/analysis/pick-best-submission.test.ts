import { describe, expect, it } from 'vitest';
import { pickBestSubmission } from './pick-best-submission.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('pickBestSubmission', () => {
  it('takes the most accurate scored submission, the earlier one on equal accuracy', () => {
    const best = pickBestSubmission([
      { id: 'a', createdAt: at(1), evaluation: { accuracy: 0.9 } },
      { id: 'b', createdAt: at(2), evaluation: null },
      { id: 'c', createdAt: at(3), evaluation: { accuracy: 0.95 } },
      { id: 'd', createdAt: at(4), evaluation: { accuracy: 0.95 } },
    ]);
    expect(best?.id).toBe('c');
  });

  it('is null without a scored submission', () => {
    expect(pickBestSubmission([{ id: 'a', createdAt: at(1), evaluation: null }])).toBeNull();
  });
});
