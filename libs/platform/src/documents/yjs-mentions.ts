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
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- observeDeep hands over YEvent<any>
export function mentionsAddedBy(events: Y.YEvent<any>[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    for (const item of event.changes.added) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentType) for (const id of mentionedUserIds(content.type as XmlNode)) ids.add(id);
    }
  }
  return [...ids];
}
