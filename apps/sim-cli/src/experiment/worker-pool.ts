/**
 * A fixed pool of worker_threads, each running one task at a time. Tasks are handed out in
 * submission order as workers become free; results resolve the promise of their task.
 */
import { Worker } from 'node:worker_threads';

interface Pending<R> {
  resolve: (value: R) => void;
  reject: (reason: Error) => void;
}

interface Envelope {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export class WorkerPool<T, R> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; task: T }> = [];
  private readonly pending = new Map<number, Pending<R>>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 0;
  private failure: Error | null = null;

  /**
   * `workerFile` must be plain JavaScript (see run-worker.mjs, which registers tsx and then
   * loads the TypeScript worker). The parent's execArgv is not inherited: tsx's own flags
   * do not work inside a worker on Node 20.
   */
  constructor(size: number, workerFile: URL) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile, { execArgv: [] });
      worker.on('message', (msg: Envelope) => this.onMessage(worker, msg));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0 && this.busy.has(worker)) this.fail(new Error(`worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(task: T): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const promise = new Promise<R>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task });
    this.dispatch();
    return promise;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const next = this.queue.shift() as { id: number; task: T };
      this.busy.set(worker, next.id);
      worker.postMessage({ id: next.id, task: next.task });
    }
  }

  private onMessage(worker: Worker, msg: Envelope): void {
    const pending = this.pending.get(msg.id);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (pending) {
      this.pending.delete(msg.id);
      if (msg.ok) pending.resolve(msg.result as R);
      else pending.reject(new Error(msg.error ?? 'worker task failed'));
    }
    this.dispatch();
  }

  private fail(err: Error): void {
    // A crashed worker (not a task that threw) poisons the pool: reject everything outstanding.
    this.failure = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.queue.length = 0;
  }
}
