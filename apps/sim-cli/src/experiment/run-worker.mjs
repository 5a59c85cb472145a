// Worker-thread bootstrap. On Node 20, loader hooks given to a worker through
// `execArgv: ['--import', 'tsx']` are not applied to the worker's own module graph
// ("Unknown file extension .ts"), so the worker registers tsx itself, then loads the TS entry.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./run-worker.ts', import.meta.url).href);
