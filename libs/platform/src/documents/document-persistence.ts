import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { ContributionRepository } from '../contributions/contribution.repository';
import type { ProjectRepository } from '../projects/project.repository';
import type { DocumentRepository } from './document.repository';
import type { VersionRepository } from './version.repository';
import { documentText } from './yjs-text';

export interface DocumentPersistenceOptions {
  documents: DocumentRepository;
  versions: VersionRepository;
  projects: ProjectRepository;
  contributions: ContributionRepository;
  clock: () => Date;
  /** An editing session ends after this long without edits by that person (one ledger event per session). */
  sessionIdleMs?: number;
  /** An automatic version is taken once edits have been going on for this long since the last version. */
  autoVersionAfterMs?: number;
}

/** Origin of the changes a store merges in from the database (not anyone's typing). */
export const MERGE_ORIGIN = { source: 'p2pvalue-store-merge' } as const;

interface Session {
  userId: string;
  documentId: string;
  startedAt: Date;
  lastAt: Date;
  edits: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Loading and storing Yjs documents, with what rides on a store: derived plain text and markdown,
 * project activity, automatic versions; and editing sessions turned into contribution events
 * (debounced per member per document). Transport-free: the Hocuspocus extension calls it.
 */
export function createDocumentPersistence(options: DocumentPersistenceOptions) {
  const { documents, versions, projects, contributions, clock } = options;
  const sessionIdleMs = options.sessionIdleMs ?? 60_000;
  const autoVersionAfterMs = options.autoVersionAfterMs ?? 10 * 60_000;
  const sessions = new Map<string, Session>();
  /** Per document: who edited, and since when, since the last version. */
  const sinceVersion = new Map<string, { authors: Set<string>; firstEditAt: Date }>();
  const owners = new Map<string, { projectId: string; communityId: string }>();
  const pending = new Set<Promise<unknown>>();
  /**
   * Per document, the md5 of the stored state this process last loaded or wrote: a state its live
   * document contains. Stores are compare-and-set against it, so a state another web process wrote
   * in between is merged in, never overwritten (the Redis extension's store lock only makes that
   * rare: a process skips its store while another one stores, which may be an older state).
   */
  const knownDigests = new Map<string, string | null>();
  const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  async function ownerOf(documentId: string) {
    let owner = owners.get(documentId);
    if (!owner) {
      const doc = await documents.findById(documentId);
      const project = doc ? await projects.findById(doc.projectId) : null;
      if (!project) return null;
      owner = { projectId: project.id, communityId: project.communityId };
      owners.set(documentId, owner);
    }
    return owner;
  }

  async function endSession(key: string): Promise<void> {
    const session = sessions.get(key);
    if (!session) return;
    sessions.delete(key);
    clearTimeout(session.timer);
    const owner = await ownerOf(session.documentId);
    if (!owner) return;
    await contributions.append([
      {
        userId: session.userId,
        communityId: owner.communityId,
        projectId: owner.projectId,
        kind: 'document.edit',
        weight: 1,
        ref: { documentId: session.documentId, edits: session.edits, startedAt: session.startedAt.toISOString(), endedAt: session.lastAt.toISOString() },
        at: session.lastAt,
      },
    ]);
  }

  return {
    async load(documentId: string): Promise<Uint8Array | null> {
      const state = await documents.loadState(documentId);
      knownDigests.set(documentId, state ? md5(state) : null);
      return state;
    },

    /** Persists the full state; returns false when the document no longer exists. */
    store(documentId: string, doc: Y.Doc): Promise<boolean> {
      return track(
        (async () => {
          const now = clock();
          let state = Y.encodeStateAsUpdate(doc);
          let text = documentText(doc);
          for (let attempt = 0; ; attempt++) {
            const result = await documents.storeStateIfUnchanged(documentId, { yState: state, ...text, at: now, ifDigest: knownDigests.get(documentId) ?? null });
            if (result.outcome === 'missing') return false;
            if (result.outcome === 'stored') break;
            // Someone else stored meanwhile: take their state in (editors get what was missing)
            // and store the union.
            if (attempt >= 5) throw new Error(`the stored state of document ${documentId} keeps changing`);
            Y.applyUpdate(doc, result.stored, MERGE_ORIGIN);
            knownDigests.set(documentId, md5(result.stored));
            state = Y.encodeStateAsUpdate(doc);
            text = documentText(doc);
          }
          knownDigests.set(documentId, md5(state));
          const owner = await ownerOf(documentId);
          if (owner) await projects.touch(owner.projectId, now);
          const since = sinceVersion.get(documentId);
          if (since && now.getTime() - since.firstEditAt.getTime() >= autoVersionAfterMs) {
            sinceVersion.delete(documentId);
            await versions.create({ documentId, yState: state, markdown: text.markdown, authorIds: [...since.authors], label: null, reason: 'auto', createdById: null, at: now });
          }
          return true;
        })(),
      );
    },

    /** The document left this process's memory (after its last store). */
    forget(documentId: string): void {
      knownDigests.delete(documentId);
    },

    /** Called for every change a person makes (not for changes arriving from other instances). */
    recordEdit(documentId: string, userId: string): void {
      const now = clock();
      const since = sinceVersion.get(documentId);
      if (since) since.authors.add(userId);
      else sinceVersion.set(documentId, { authors: new Set([userId]), firstEditAt: now });

      const key = `${documentId}\u0000${userId}`;
      const session = sessions.get(key);
      if (session) {
        session.lastAt = now;
        session.edits += 1;
        clearTimeout(session.timer);
        session.timer = setTimeout(() => void track(endSession(key)), sessionIdleMs);
        session.timer.unref?.();
        return;
      }
      const timer = setTimeout(() => void track(endSession(key)), sessionIdleMs);
      timer.unref?.();
      sessions.set(key, { userId, documentId, startedAt: now, lastAt: now, edits: 1, timer });
    },

    /** Ends every open session for the document's editors (e.g. when the last one disconnects). */
    async endSessionsOf(documentId: string, userId?: string): Promise<void> {
      const keys = [...sessions.values()].filter((s) => s.documentId === documentId && (!userId || s.userId === userId)).map((s) => `${s.documentId}\u0000${s.userId}`);
      await Promise.all(keys.map((k) => track(endSession(k))));
    },

    /** Shutdown: write every open session and wait for stores in flight. */
    async flush(): Promise<void> {
      await Promise.all([...sessions.keys()].map((k) => track(endSession(k))));
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },

    get openSessions(): number {
      return sessions.size;
    },
  };
}

export type DocumentPersistence = ReturnType<typeof createDocumentPersistence>;
