import { describe, expect, it } from 'vitest';
import { reasonReaderOf, statusReasonFor } from './status-reason-for.ts';

const DETAIL = 'could not read s3://bucket/x (TENFOLD_DATASETS_DIR=/srv/data)';
const platform = { status: 'FAILED', failureKind: 'PLATFORM', statusReason: `fault on our side: ${DETAIL}` } as const;
const retrying = {
  status: 'QUEUED',
  failureKind: null,
  statusReason: `Retrying after a fault on our side: ${DETAIL}`,
} as const;
const model = {
  status: 'FAILED',
  failureKind: 'MODEL',
  statusReason: 'Output has shape [N, 12]; expected [N, 10].',
} as const;

describe('statusReasonFor', () => {
  it('gives admins the worker’s own words', () => {
    for (const row of [platform, retrying, model]) expect(statusReasonFor('admin', row)).toBe(row.statusReason);
  });

  it('keeps operator details from owners and everyone else', () => {
    for (const reader of ['owner', 'other'] as const) {
      for (const row of [platform, retrying]) expect(statusReasonFor(reader, row)).not.toContain('s3://');
    }
    expect(statusReasonFor('owner', platform)).toContain('does not count against your quota');
    expect(statusReasonFor('other', platform)).not.toMatch(/\byour?\b/i);
    expect(statusReasonFor('other', retrying)).toMatch(/will be retried/);
  });

  it('leaves a model failure as written', () => {
    expect(statusReasonFor('owner', model)).toBe(model.statusReason);
  });
});

describe('reasonReaderOf', () => {
  it('tells admins, owners and others apart', () => {
    expect(reasonReaderOf({ userId: 'a', role: 'ADMIN' }, 'o')).toBe('admin');
    expect(reasonReaderOf({ userId: 'o', role: 'USER' }, 'o')).toBe('owner');
    expect(reasonReaderOf({ userId: 'x', role: 'USER' }, 'o')).toBe('other');
    expect(reasonReaderOf(null, 'o')).toBe('other');
  });
});
