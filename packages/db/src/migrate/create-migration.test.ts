import { describe, expect, it } from 'vitest';
import { toMigrationName } from './create-migration.ts';

describe('toMigrationName', () => {
  it('turns a description into the folder suffix Prisma would use', () => {
    expect(toMigrationName('Add user nickname')).toBe('add_user_nickname');
    expect(toMigrationName('  évaluation: per-class F1! ')).toBe('evaluation_per_class_f1');
    expect(toMigrationName('x'.repeat(300))).toHaveLength(200);
  });

  it('rejects names without letters or digits', () => {
    expect(() => toMigrationName('--')).toThrow(/no letters or digits/);
  });
});
