import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

export interface CaretUser {
  name: string;
  color: string;
}

/**
 * Live cursors and selections of the other editors, with their names, on y-tiptap's cursor plugin
 * (the official collaboration-caret extension's peer versions conflict with ours). Names are set
 * with textContent, never as HTML.
 */
export const CollaborationCaret = Extension.create<{ awareness: Awareness | null; user: CaretUser }>({
  name: 'collaborationCaret',
  addOptions() {
    return { awareness: null, user: { name: 'Someone', color: '#0f766e' } };
  },
  addProseMirrorPlugins() {
    const { awareness, user } = this.options;
    if (!awareness) return [];
    awareness.setLocalStateField('user', user);
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: (u: Partial<CaretUser>) => {
          const caret = document.createElement('span');
          caret.className = 'collab-caret';
          caret.style.borderColor = safeColor(u.color);
          const label = document.createElement('span');
          label.className = 'collab-caret-label';
          label.style.backgroundColor = safeColor(u.color);
          label.textContent = String(u.name ?? 'Someone').slice(0, 60);
          caret.append(label);
          return caret;
        },
        selectionBuilder: (u: Partial<CaretUser>) => ({ style: `background-color: ${safeColor(u.color)}33`, class: 'collab-selection' }),
      }),
    ];
  },
});

/** Colours come from other clients' awareness state: accept only #rrggbb. */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#64748b';
}

// Tailwind's 700 shades: white names on them read at 4.5:1 or better (WCAG AA).
const PALETTE = ['#0f766e', '#6d28d9', '#be185d', '#c2410c', '#1d4ed8', '#15803d', '#a16207', '#b91c1c'];

export function colorFor(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
