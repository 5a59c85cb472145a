import * as Y from 'yjs';

type XmlNode = Y.XmlFragment | Y.XmlElement | Y.XmlText;

/** The user ids of the Tiptap mention nodes inside a Yjs type (an element, a text or the whole fragment). */
export function mentionedUserIds(type: XmlNode): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'mention') {
        const id = node.getAttribute('id') as unknown;
        if (typeof id === 'string' && id) ids.add(id);
        return;
      }
      node.toArray().forEach(visit);
    } else if (node instanceof Y.XmlText) {
      // Inline nodes (mentions) are embedded in the paragraph's text.
      for (const op of node.toDelta() as { insert: unknown }[]) if (typeof op.insert !== 'string') visit(op.insert);
    } else if (node instanceof Y.XmlFragment) {
      node.toArray().forEach(visit);
    }
  };
  visit(type);
  return [...ids];
}

/**
 * Mentions added by a transaction: call from `observeDeep` on the document's fragment. Only inserted
 * content counts, so a mention that was already there is not announced again when text around it
 * changes.
 *
 * Runs on the server for every update, so it looks only at the items the transaction created (its
 * clock range per client in the struct store): the cost follows the size of the edit. Going
 * through `event.changes` instead walks every child of each changed type, the whole document for
 * a new paragraph.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- observeDeep hands over YEvent<any>
export function mentionsAddedBy(events: Y.YEvent<any>[]): string[] {
  const first = events[0];
  if (!first) return [];
  const { transaction } = first;
  const root = first.currentTarget;
  const ids = new Set<string>();
  const clients = transaction.doc.store.clients;
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = clients.get(client);
    if (after <= before || !structs) return;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      // Only type items can be mentions, and those are never merged with older items.
      if (struct.id.clock < before || !(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentType)) continue;
      const type = struct.content.type;
      if (!(type instanceof Y.XmlElement) || type.nodeName !== 'mention' || !Y.isParentOf(root, struct)) continue;
      const id = type.getAttribute('id') as unknown;
      if (typeof id === 'string' && id) ids.add(id);
    }
  });
  return [...ids];
}
