import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = bindings.SchemaEngine;
export type SchemaEngineClass = typeof bindings.SchemaEngine;

export class SchemaEnginePanicError extends Error {
  override name = 'SchemaEnginePanicError';
}

// The package entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 cannot
// load. wasm-bindgen's glue (`schema_engine_bg.js`) is plain ESM: instantiate the module here and
// hand its exports to the glue, as the entry would. The glue holds one instance per process.
const WASM_IMPORT_MODULE = './schema_engine_bg.js';

// Node has WebAssembly, but neither lib ES2023 nor @types/node 20 declare it: the little used here.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  RuntimeError: new (...args: never[]) => Error;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** A wasm trap: how a Rust panic (`unreachable`) reaches JavaScript. */
export function isWasmTrap(error: unknown): error is Error {
  return error instanceof wasmApi.RuntimeError;
}

/** Rust panics trap as `RuntimeError: unreachable`; the glue reports the panic text here first. */
class PanicRegistry {
  private message = '';
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = message;
  }
}

const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
globals.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
const panicRegistry = globals.PRISMA_WASM_PANIC_REGISTRY;

const panicListeners = new Set<(error: SchemaEnginePanicError) => void>();
let panic: SchemaEnginePanicError | undefined;
let loading: Promise<SchemaEngineClass> | undefined;

export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  if (panic) {
    return Promise.reject(
      new SchemaEnginePanicError(
        `Prisma's schema engine panicked earlier in this process and cannot be used again: ${panic.message}`,
      ),
    );
  }
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Calls `listener` if the engine panics; returns the unsubscribe function. */
export function onSchemaEnginePanic(listener: (error: SchemaEnginePanicError) => void): () => void {
  panicListeners.add(listener);
  return () => panicListeners.delete(listener);
}

/** Records a wasm trap as the engine's panic (the instance is unusable from then on). */
export function panicFromTrap(trap: Error): SchemaEnginePanicError {
  if (!panic) {
    panic = new SchemaEnginePanicError(`Prisma's schema engine panicked: ${panicRegistry.get() || trap.message}`, {
      cause: trap,
    });
    for (const listener of panicListeners) listener(panic);
  }
  return panic;
}

export function hasSchemaEnginePanicked(): boolean {
  return panic !== undefined;
}

async function instantiate(): Promise<SchemaEngineClass> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
  const { instance } = await wasmApi.instantiate(bytes, {
    [WASM_IMPORT_MODULE]: adaptImports(bindings as unknown as Record<string, unknown>),
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings.SchemaEngine;
}

// The engine's async methods run their Rust futures in microtasks the glue queues. A panic there
// is an uncaught exception: it would kill the process and leave the method's promise pending.
// Catch it where the microtask runs and turn it into a rejection of the waiting calls.
//
// The engine also arms timeouts (10 s around queries, 60 s in `migrate dev`) that it never clears:
// the glue has no clearTimeout. Unreferenced, they cannot hold a finished process open for that
// long; withSchemaEngine keeps the process alive while an engine is in use.
function adaptImports(imports: Record<string, unknown>): Record<string, unknown> {
  const adapted: Record<string, unknown> = { ...imports };
  for (const [name, value] of Object.entries(imports)) {
    if (typeof value !== 'function') continue;
    if (name.startsWith('__wbg_queueMicrotask_')) {
      adapted[name] = (arg: unknown) => (typeof arg === 'function' ? value(guardTask(arg as () => void)) : value(arg));
    } else if (name.startsWith('__wbg_setTimeout_')) {
      adapted[name] = (...args: unknown[]) => {
        const timer = value(...args) as { unref?: () => void };
        timer.unref?.();
        return timer;
      };
    }
  }
  return adapted;
}

function guardTask(task: (...args: unknown[]) => void) {
  return (...args: unknown[]) => {
    try {
      task(...args);
    } catch (error) {
      if (!isWasmTrap(error)) throw error;
      panicFromTrap(error);
    }
  };
}
