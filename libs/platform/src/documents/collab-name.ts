/** Hocuspocus document names: `doc:<document id>`. Other kinds (chat drafts, …) get their own prefix. */
const PREFIX = 'doc:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function collabDocumentName(documentId: string): string {
  return PREFIX + documentId;
}

export function parseCollabDocumentName(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return UUID.test(id) ? id : null;
}
