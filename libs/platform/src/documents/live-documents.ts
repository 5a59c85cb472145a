import type * as Y from 'yjs';

/**
 * The port through which document services reach the live (in-memory, shared) Yjs documents.
 * The web app implements it with Hocuspocus direct connections, so server-side changes reach
 * every connected editor and are persisted like any edit.
 */
export interface LiveDocuments {
  /** The current full state (live if the document is open somewhere, else the stored one). */
  readState(documentId: string): Promise<Uint8Array | null>;
  /** Runs `change` on the live document; the change is broadcast and stored. */
  change(documentId: string, change: (doc: Y.Doc) => void): Promise<void>;
}
