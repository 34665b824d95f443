import { describe, expect, it } from 'vitest';
import { pickCurrentEvaluation } from './pick-current-evaluation.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('pickCurrentEvaluation', () => {
  it('takes the newest evaluation under the current scorer version over a newer one of another', () => {
    const picked = pickCurrentEvaluation(
      [
        { id: 'old-current', scorerVersion: '2', createdAt: at(1) },
        { id: 'new-current', scorerVersion: '2', createdAt: at(2) },
        { id: 'newest-other', scorerVersion: '1', createdAt: at(3) },
      ],
      '2',
    );
    expect(picked?.id).toBe('new-current');
  });

  it('falls back to the newest of any version, and to null without evaluations', () => {
    const picked = pickCurrentEvaluation(
      [
        { id: 'a', scorerVersion: '0.9', createdAt: at(1) },
        { id: 'b', scorerVersion: '0.8', createdAt: at(5) },
      ],
      '2',
    );
    expect(picked?.id).toBe('b');
    expect(pickCurrentEvaluation([], '2')).toBeNull();
  });
});
