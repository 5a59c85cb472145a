import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { io, type Socket } from 'socket.io-client';
import { sleep } from './processes';

// Node clients for the web-restart scenario: editors of one collaborative document (the stock
// Hocuspocus provider, as the browser uses it) and chat members sending over socket.io the way the
// browser's outbox does (a client id per message, resent until acknowledged).

/**
 * ws emits 'error' when a connection is closed before it opened (the provider's connect timeout
 * on a loaded machine); without a listener that is an uncaught exception. The provider handles
 * the close that follows.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

/** Reconnect quickly and forever: the scenario restarts the server under the clients. */
const RECONNECT = { delay: 300, factor: 1.3, maxDelay: 1_000, minDelay: 300, maxAttempts: 0, jitter: false };

/** One editor: appends paragraphs `marker` to the document's XML fragment (the editor's own type). */
export class DocumentEditor {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  /** Markers in the order this editor wrote them. */
  readonly edits: string[] = [];
  /** How many of `edits` the server had acknowledged (no unsynced change left after them). */
  acked = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(url: string, name: string, token: string, readonly label: string) {
    const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, ...RECONNECT });
    this.provider = new HocuspocusProvider({
      websocketProvider,
      name,
      token,
      document: this.doc,
      onUnsyncedChanges: ({ number }) => {
        if (number === 0) this.acked = this.edits.length;
      },
    });
    this.provider.attach();
  }

  /** Resolves once the first sync is done. */
  synced(timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.provider.isSynced) return resolve();
      const timer = setTimeout(() => reject(new Error(`${this.label} did not sync within ${timeoutMs} ms`)), timeoutMs);
      this.provider.on('synced', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  edit(): void {
    const marker = `${this.label}-${this.edits.length}`;
    this.edits.push(marker);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(marker)]);
    this.doc.getXmlFragment('default').push([paragraph]);
  }

  /**
   * Edits every `intervalMs`, online or not (offline edits are sent on reconnection); at most
   * `maxOffline` in a row while disconnected, so a slow restart does not pile up thousands.
   */
  start(intervalMs: number, maxOffline = 10): void {
    let offline = 0;
    this.timer = setInterval(() => {
      const connected = this.provider.configuration.websocketProvider.status === 'connected';
      offline = connected ? 0 : offline + 1;
      if (offline <= maxOffline) this.edit();
    }, intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The document as this editor sees it. */
  text(): string {
    return this.doc.getXmlFragment('default').toString();
  }

  settled(): boolean {
    return this.provider.isSynced && this.provider.unsyncedChanges === 0;
  }

  destroy(): void {
    this.stop();
    const socket = this.provider.configuration.websocketProvider;
    this.provider.destroy();
    socket.destroy();
  }
}

type SendAck = { ok: true; data: { message: { id: string }; created: boolean } } | { ok: false; error: { code: string; message: string } };

/** One chat member: sends numbered messages, each resent with its client id until acknowledged. */
export class ChatSender {
  readonly socket: Socket;
  /** clientId → stored message id, for every acknowledged send. */
  readonly acked = new Map<string, string>();
  /** Acknowledgements that said "already stored" (a resend the server recognised). */
  duplicatesRecognised = 0;
  /** Sends that got no acknowledgement in time and were sent again. */
  resends = 0;
  private pending: string | null = null;
  private next = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(baseUrl: string, token: string, private readonly channelId: string, readonly label: string) {
    this.socket = io(baseUrl, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnectionDelay: 300, reconnectionDelayMax: 1_000 });
  }

  connected(timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      const timer = setTimeout(() => reject(new Error(`${this.label} did not connect within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  start(intervalMs: number): void {
    this.running = true;
    this.loop = (async () => {
      // Runs until stopped and nothing is pending: the last message is acknowledged too.
      while (this.running || this.pending) {
        if (!this.pending) this.pending = `${this.label}-${this.next++}`;
        if (!this.socket.connected) {
          await sleep(100);
          continue;
        }
        try {
          const ack = (await this.socket.timeout(3_000).emitWithAck('chat:send', { channelId: this.channelId, clientId: this.pending, body: `fault suite ${this.pending}` })) as SendAck;
          if (ack.ok) {
            this.acked.set(this.pending, ack.data.message.id);
            if (!ack.data.created) this.duplicatesRecognised += 1;
            this.pending = null;
          } else {
            await sleep(ack.error.code === 'TOO_MANY_REQUESTS' ? 1_000 : 300);
          }
        } catch {
          this.resends += 1; // no ack in time (the server went away): same client id again
        }
        if (this.running) await sleep(intervalMs);
      }
    })();
  }

  /** Stops sending new messages; resolves once the pending one is acknowledged. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  close(): void {
    this.running = false;
    this.socket.close();
  }
}
