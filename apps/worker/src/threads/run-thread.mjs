// Worker-thread bootstrap (as apps/sim-cli's run-worker.mjs): on Node 20, loader hooks given to a
// thread through `execArgv: ['--import', 'tsx']` do not apply to its own module graph, so the
// thread registers tsx itself and then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./run-thread.ts', import.meta.url).href);
