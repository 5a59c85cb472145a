import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import type { MentionCandidate } from './document-extensions';

/**
 * "@" suggestions in the document body: a small listbox under the caret (mounted and positioned
 * by the suggestion plugin), driven by arrow keys, Enter/Tab and Escape, or a tap. Names are set
 * as text, never as HTML.
 */
export function mentionSuggestion(search: (query: string) => Promise<MentionCandidate[]>): Omit<SuggestionOptions<MentionCandidate, MentionCandidate>, 'editor'> {
  return {
    char: '@',
    // Names have spaces ("Demo Member"): the query runs on until a suggestion is taken or dismissed.
    allowSpaces: true,
    debounce: 150,
    items: async ({ query }) => {
      try {
        return await search(query.slice(0, 50));
      } catch {
        return [];
      }
    },
    command: ({ editor, range, props }) => {
      editor
        .chain()
        .focus()
        .insertContentAt(range, [
          { type: 'mention', attrs: { id: props.id, label: props.name, mentionSuggestionChar: '@' } },
          { type: 'text', text: ' ' },
        ])
        .run();
    },
    render: () => {
      let list: HTMLUListElement | null = null;
      let unmount: (() => void) | null = null;
      let current: SuggestionProps<MentionCandidate, MentionCandidate> | null = null;
      let index = 0;

      const draw = () => {
        if (!list || !current) return;
        const items = current.items;
        index = Math.min(index, Math.max(0, items.length - 1));
        list.replaceChildren(
          ...items.map((candidate, i) => {
            const li = document.createElement('li');
            li.setAttribute('role', 'option');
            li.setAttribute('aria-selected', String(i === index));
            li.className = 'mention-option';
            li.textContent = candidate.name;
            // mousedown, not click: keep the editor's selection (and the suggestion) alive.
            li.addEventListener('mousedown', (event) => {
              event.preventDefault();
              current?.command(candidate);
            });
            return li;
          }),
        );
        if (items.length === 0) {
          const li = document.createElement('li');
          li.className = 'mention-empty';
          li.textContent = current.loading ? 'Searching…' : 'No member matches';
          list.append(li);
        }
      };

      return {
        onStart: (props) => {
          current = props;
          index = 0;
          list = document.createElement('ul');
          list.setAttribute('role', 'listbox');
          list.setAttribute('aria-label', 'Mention suggestions');
          list.className = 'mention-suggestions';
          draw();
          unmount = props.mount(list);
        },
        onUpdate: (props) => {
          current = props;
          draw();
        },
        onKeyDown: ({ event }) => {
          const items = current?.items ?? [];
          if (event.key === 'Escape') {
            unmount?.();
            unmount = null;
            return true;
          }
          if (items.length === 0) return false;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            index = (index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
            draw();
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') {
            current?.command(items[index]!);
            return true;
          }
          return false;
        },
        onExit: () => {
          unmount?.();
          unmount = null;
          list = null;
          current = null;
        },
      };
    },
  };
}
