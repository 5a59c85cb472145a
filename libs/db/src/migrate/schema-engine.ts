// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm, pinned) by hand:
// Node 20 cannot `import` a .wasm file, so the module is instantiated with its wasm-bindgen
// bindings (schema_engine_bg.js) as imports. One instance per process (the bindings hold it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine, SchemasContainer } from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { createMigrationAdapterFactory } from './pg-adapter';

export type { SchemaEngine } from '@prisma/schema-engine-wasm';

interface WasmBindings {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof SchemaEngine;
}

let lastPanic: string | undefined;
let loaded: typeof SchemaEngine | undefined;

function loadSchemaEngineClass(): typeof SchemaEngine {
  if (loaded) return loaded;
  // Panics inside the engine report their message here (else only "unreachable" is seen).
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const require = createRequire(import.meta.url);
  const packageEntry = require.resolve('@prisma/schema-engine-wasm');
  const wasmFile = path.join(path.dirname(packageEntry), 'schema_engine_bg.wasm');
  const module = new WebAssembly.Module(readFileSync(wasmFile));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports });
  const glue = bindings as unknown as WasmBindings;
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = glue.SchemaEngine;
  return loaded;
}

/** Turns whatever the engine rejected with into one readable Error. */
export function engineError(error: unknown): Error {
  if (error instanceof WebAssembly.RuntimeError) {
    const message = lastPanic ? `schema engine panicked: ${lastPanic}` : `schema engine crashed: ${error.message}`;
    return new Error(message, { cause: error });
  }
  if (error instanceof Error) {
    // User-facing engine errors arrive as JSON ({ message, error_code, … }).
    try {
      const parsed = JSON.parse(error.message) as { message?: string; error_code?: string };
      if (parsed.message) return new Error(parsed.error_code ? `${parsed.error_code}: ${parsed.message}` : parsed.message, { cause: error });
    } catch {
      // not JSON: keep as is
    }
    return error;
  }
  return new Error(String(error));
}

export interface EngineSession {
  engine: SchemaEngine;
  /** Frees the engine and closes every database connection it opened. */
  close(): Promise<void>;
}

/** Starts an engine connected to `url`, with the given schema files as its datamodel. */
export async function openSchemaEngine(url: string, schema: SchemasContainer, log?: (line: string) => void): Promise<EngineSession> {
  const SchemaEngineClass = loadSchemaEngineClass();
  const factory = createMigrationAdapterFactory(url);
  const datamodels = schema.files.map((file): [string, string] => [file.path, file.content]);
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngineClass.new({ datamodels }, (line: string) => log?.(line), bindMigrationAwareSqlAdapterFactory(factory));
  } catch (error) {
    await factory.close();
    throw engineError(error);
  }
  return {
    engine,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}
