import * as Y from 'yjs';
import { Redis, type Configuration } from '@hocuspocus/extension-redis';
import { isTransactionOrigin, OutgoingMessage, type Document, type onChangePayload } from '@hocuspocus/server';
import { logger } from '../logger';

interface PendingRelay {
  document: Document;
  updates: Uint8Array[];
}

/**
 * Hocuspocus's Redis extension, with edits relayed in one hop.
 *
 * The stock extension announces a change by publishing the document's state vector; every other
 * instance answers with its own state vector, and only then does this instance send the change.
 * That is three Redis trips and three event-loop turns on two busy processes before an editor on
 * another web process sees a keystroke, and each answer costs `encodeStateAsUpdate(doc, vector)`,
 * which writes the document's whole delete set, on every change.
 *
 * Here each change (merged over one event-loop turn) is published as the Yjs update itself, which
 * other instances apply directly (an update never carries more than the change, so it is safe to
 * apply on an instance in any state; Yjs holds back what it cannot integrate yet). The stock
 * state-vector exchange still runs, throttled to once per `resyncIntervalMs` per document, to heal
 * anything a Redis reconnect may have dropped.
 */
export class RelayingRedisExtension extends Redis {
  private relays = new Map<string, PendingRelay>();
  private lastResync = new Map<string, number>();
  private trailingResync = new Map<string, NodeJS.Timeout>();
  private readonly resyncIntervalMs: number;

  constructor(configuration: Partial<Configuration> & { resyncIntervalMs?: number }) {
    const { resyncIntervalMs, ...rest } = configuration;
    super(rest);
    this.resyncIntervalMs = resyncIntervalMs ?? 1_000;
  }

  override async onChange(data: onChangePayload): Promise<void> {
    if (isTransactionOrigin(data.transactionOrigin) && data.transactionOrigin.source === 'redis') return;
    this.relay(data.documentName, data.document, data.update);
    await this.resync(data);
  }

  /** The stock state-vector exchange: at most once per interval, and once more after the last change. */
  private async resync(data: onChangePayload): Promise<void> {
    const { documentName } = data;
    const now = performance.now();
    const wait = (this.lastResync.get(documentName) ?? -Infinity) + this.resyncIntervalMs - now;
    if (wait <= 0) {
      clearTimeout(this.trailingResync.get(documentName));
      this.trailingResync.delete(documentName);
      this.lastResync.set(documentName, now);
      await super.onChange(data);
      return;
    }
    if (this.trailingResync.has(documentName)) return;
    const timer = setTimeout(() => {
      this.trailingResync.delete(documentName);
      if (data.instance.documents.get(documentName) !== data.document) return;
      this.resync(data).catch((error: unknown) => logger.warn({ err: error, documentName }, 'resyncing a document through Redis failed'));
    }, wait);
    timer.unref();
    this.trailingResync.set(documentName, timer);
  }

  override async afterUnloadDocument(data: Parameters<Redis['afterUnloadDocument']>[0]): Promise<void> {
    if (!data.instance.documents.has(data.documentName)) {
      clearTimeout(this.trailingResync.get(data.documentName));
      this.trailingResync.delete(data.documentName);
      this.lastResync.delete(data.documentName);
      this.relays.delete(data.documentName);
    }
    await super.afterUnloadDocument(data);
  }

  /**
   * The stock extension drops its connections with `disconnect()`, which rejects commands still in
   * flight with nobody to catch them ("Connection is closed" as an unhandled rejection at shutdown).
   * Here pending work is cancelled as before, then each connection QUITs (replies still arrive),
   * with 2 s for a Redis that does not answer.
   */
  override async onDestroy(): Promise<void> {
    for (const timer of this.trailingResync.values()) clearTimeout(timer);
    this.trailingResync.clear();
    this.relays.clear();
    const { pendingPublishes, cancelPendingPublish } = this as unknown as { pendingPublishes: Map<string, unknown>; cancelPendingPublish: (name: string) => void };
    for (const documentName of Array.from(pendingPublishes.keys())) cancelPendingPublish.call(this, documentName);
    await this.redlock.quit().catch(() => undefined);
    await Promise.all([this.pub, this.sub].map((client) => quitWithin(client, 2_000)));
  }

  private relay(documentName: string, document: Document, update: Uint8Array): void {
    const pending = this.relays.get(documentName);
    if (pending && pending.document === document) {
      pending.updates.push(update);
      return;
    }
    this.relays.set(documentName, { document, updates: [update] });
    setImmediate(() => {
      const batch = this.relays.get(documentName);
      if (!batch || batch.document !== document) return;
      this.relays.delete(documentName);
      const merged = batch.updates.length === 1 ? batch.updates[0]! : Y.mergeUpdates(batch.updates);
      const message = new OutgoingMessage(documentName).createSyncMessage().writeUpdate(merged).toUint8Array();
      this.pub.publish(`${this.configuration.prefix}:${documentName}`, Buffer.concat([this.messagePrefix, Buffer.from(message)])).catch((error: unknown) => {
        // The throttled state-vector exchange delivers the change later.
        logger.warn({ err: error, documentName }, 'relaying a document update through Redis failed');
      });
    });
  }
}

async function quitWithin(client: { quit(): Promise<unknown>; disconnect(reconnect?: boolean): void }, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([client.quit().then(() => undefined, () => undefined), timeout]);
  clearTimeout(timer);
  client.disconnect(false);
}
