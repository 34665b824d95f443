import { describe, expect, it } from 'vitest';
import { databaseName, quoteIdentifier, redactUrl, withDatabase } from './database-url.ts';

describe('database URLs', () => {
  const url = 'postgresql://app:s3cret@db.example:5433/tenfold?sslmode=require';

  it('reads and replaces the database, keeping credentials and options', () => {
    expect(databaseName(url)).toBe('tenfold');
    expect(withDatabase(url, 'postgres')).toBe('postgresql://app:s3cret@db.example:5433/postgres?sslmode=require');
    expect(() => databaseName('postgresql://127.0.0.1:5432')).toThrow(/names no database/);
  });

  it('hides passwords in messages', () => {
    expect(redactUrl(url)).toBe('postgresql://app:***@db.example:5433/tenfold?sslmode=require');
    expect(redactUrl('postgresql://postgres@127.0.0.1:5432/x')).toBe('postgresql://postgres@127.0.0.1:5432/x');
  });

  it('quotes identifiers', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });
});
