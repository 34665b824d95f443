import { readFile } from 'node:fs/promises';
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from '@prisma/driver-adapter-utils';
import type { SchemaContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { DatabaseUnreachableError, MigrationEngineError } from './errors.ts';
import {
  isWasmTrap,
  loadSchemaEngine,
  onSchemaEnginePanic,
  panicFromTrap,
  type SchemaEngine,
  type SchemaEnginePanicError,
} from './load-schema-engine.ts';
import { createMigrateAdapterFactory } from './migrate-adapter-factory.ts';

/** One line the engine logs, e.g. `{"level":"INFO","fields":{"message":"..."},"target":"..."}`. */
export type EngineLogger = (line: string) => void;

export interface EngineOptions {
  /** Database the engine connects to; its shadow databases are created on the same server. */
  databaseUrl: string;
  /** Prisma schema the engine loads as its datamodel, if the command needs one. */
  schemaPath?: string;
  log?: EngineLogger;
}

export interface EngineSession {
  engine: SchemaEngine;
  /** The loaded schema (path and text), when `schemaPath` was given. */
  schema?: SchemaContainer;
}

/** Starts a schema engine on `databaseUrl`, runs `work`, and always releases every connection. */
export async function withSchemaEngine<T>(
  options: EngineOptions,
  work: (session: EngineSession) => Promise<T>,
): Promise<T> {
  const SchemaEngine = await loadSchemaEngine();
  const schema = options.schemaPath
    ? { path: options.schemaPath, content: await readFile(options.schemaPath, 'utf8') }
    : undefined;
  const factory = createMigrateAdapterFactory(options.databaseUrl);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const panicked = watchForPanic();
  // The engine's own timers are unreferenced (load-schema-engine.ts): this keeps the process
  // alive until the work is done.
  const keepAlive = setInterval(() => {}, 1 << 30);
  let engine: SchemaEngine | undefined;
  try {
    engine = await panicked.race(
      SchemaEngine.new(
        { datamodels: schema ? [[schema.path, schema.content]] : undefined },
        (line: string) => options.log?.(line),
        boundFactory,
      ),
    );
    const session: EngineSession = schema ? { engine, schema } : { engine };
    return await panicked.race(work(session));
  } catch (error) {
    throw describeEngineError(error, options.databaseUrl, boundFactory.errorRegistry);
  } finally {
    clearInterval(keepAlive);
    panicked.stop();
    release(engine);
    await factory.close();
  }
}

function watchForPanic() {
  let reject: (error: SchemaEnginePanicError) => void = () => {};
  const panic = new Promise<never>((_, fail) => {
    reject = fail;
  });
  panic.catch(() => {});
  const stop = onSchemaEnginePanic((error) => reject(error));
  return { race: <T>(promise: Promise<T>) => Promise.race([promise, panic]), stop };
}

function release(engine: SchemaEngine | undefined): void {
  if (!engine) return;
  try {
    engine.free();
  } catch {
    // After a panic the engine's Rust state is poisoned and `free` throws: leak it instead,
    // and take it off the glue's finalizer, which would throw the same from a GC callback.
    (engine as unknown as { __destroy_into_raw(): number }).__destroy_into_raw();
  }
}

function describeEngineError(error: unknown, databaseUrl: string, adapterErrors: ErrorRegistry): unknown {
  if (isWasmTrap(error)) return panicFromTrap(error);
  // The engine's own errors are plain Errors made in wasm; their message is all there is,
  // followed by a Rust span trace ("   0: schema_engine_wasm::...") that only adds noise.
  if (!(error instanceof Error) || !error.stack?.includes('wasm://')) return error;
  let message = (error.message.split(/\n\s+0: /)[0] ?? error.message).replace(/^external connector error\n/, '').trim();
  // A JavaScript error thrown inside the adapter reaches the engine as an id into the adapter's
  // error registry ("External error id#0"): put the original back.
  const externalId = /External error id#(\d+)/.exec(message)?.[1];
  const external = externalId === undefined ? undefined : adapterErrors.consumeError(Number(externalId))?.error;
  if (external instanceof DatabaseUnreachableError) return external;
  if (external !== undefined) {
    message = message.replace(/External error id#\d+/, external instanceof Error ? external.message : String(external));
  }
  if (message.startsWith("Can't reach database server")) return new DatabaseUnreachableError(databaseUrl, error);
  return new MigrationEngineError(message, { cause: external ?? error });
}
