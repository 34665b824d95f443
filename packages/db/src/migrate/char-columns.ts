import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQueryable } from '@prisma/driver-adapter-utils';
import pg from 'pg';

// PostgreSQL's internal one-byte `"char"` type (e.g. pg_constraint.contype, which the schema engine
// reads once a table has a CHECK constraint). adapter-pg 7.10 has no mapping for it and fails the
// whole query ("Unsupported column type char"); the engine then expects a Character column.
// Two steps, because adapter-pg maps types inside queryRaw: the pg client reports such columns as
// text and notes their positions on the rows array, which queryRaw returns as is; a wrapper around
// queryRaw then types those positions as Character.
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_COLUMNS = Symbol('tenfold.charColumns');

type Callback = (error: Error | null, result: pg.QueryResult | undefined) => void;

function relabelCharColumns<R extends pg.QueryResult | pg.QueryResult[] | undefined>(result: R): R {
  for (const part of Array.isArray(result) ? result : [result]) {
    const positions: number[] = [];
    part?.fields.forEach((field: pg.FieldDef, index: number) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      positions.push(index);
    });
    if (part && positions.length) Object.defineProperty(part.rows, CHAR_COLUMNS, { value: positions });
  }
  return result;
}

/** A pg client for the pools handed to adapter-pg (pg.Pool's `Client` option). */
export class CharColumnsClient extends pg.Client {}

const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

// Covers both ways adapter-pg reaches a client: promise style (transactions) and pg-pool's
// `client.query(config, values, callback)`. Submittables (cursors, streams) pass through.
CharColumnsClient.prototype.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  if (typeof (config as { submit?: unknown } | null)?.submit === 'function') {
    return query.call(this, config, values, callback);
  }
  if (typeof values === 'function') {
    callback = values;
    values = undefined;
  }
  if (typeof callback === 'function') {
    const done = callback as Callback;
    return query.call(this, config, values, ((error, result) => done(error, relabelCharColumns(result))) as Callback);
  }
  return (query.call(this, config, values) as Promise<pg.QueryResult>).then(relabelCharColumns);
} as typeof pg.Client.prototype.query;

/** Types the columns CharColumnsClient noted as Character, on the adapter and its transactions. */
export function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  typeCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => typeCharColumns(await startTransaction(...args));
  return adapter;
}

function typeCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (sqlQuery) => {
    const resultSet = await queryRaw(sqlQuery);
    const positions = (resultSet.rows as { [CHAR_COLUMNS]?: number[] })[CHAR_COLUMNS] ?? [];
    for (const position of positions) resultSet.columnTypes[position] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}
