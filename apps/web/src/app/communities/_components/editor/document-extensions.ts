import { Extension, mergeAttributes, type AnyExtension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import TaskList from '@tiptap/extension-task-list';
import TaskItem from '@tiptap/extension-task-item';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import Mention from '@tiptap/extension-mention';
import type { SuggestionOptions } from '@tiptap/suggestion';

export interface MentionCandidate {
  id: string;
  name: string;
}

export interface DocumentExtensionOptions {
  /** Share-link key: uploaded images are served to link readers with it. */
  linkKey?: string | null;
  /** Mention suggestions (the document's community members); none when absent. */
  mentionSuggestion?: Omit<SuggestionOptions<MentionCandidate>, 'editor'>;
  /** Uploads a pasted or dropped image and returns its address; pasting images is off when absent. */
  uploadImage?: (file: File) => Promise<string>;
}

const UPLOADED_IMAGE = /^\/api\/v1\/documents\/[0-9a-f-]{36}\/images\/[0-9a-f-]{36}$/;

/** Uploaded images carry the share-link key for readers who came with one. */
const DocumentImage = Image.extend<{ linkKey: string | null } & ReturnType<NonNullable<typeof Image.config.addOptions>>>({
  addOptions() {
    return { ...this.parent!(), linkKey: null };
  },
  renderHTML({ HTMLAttributes }) {
    const attrs = { ...HTMLAttributes };
    const src = typeof attrs.src === 'string' ? attrs.src : '';
    if (this.options.linkKey && UPLOADED_IMAGE.test(src)) attrs.src = `${src}?key=${encodeURIComponent(this.options.linkKey)}`;
    return ['img', mergeAttributes(this.options.HTMLAttributes, attrs)];
  },
});

const imageFiles = (list: FileList | null | undefined) => [...(list ?? [])].filter((f) => f.type.startsWith('image/'));

/** Pasted and dropped image files are uploaded, then inserted where they were pasted or dropped. */
function imageUploadExtension(upload: (file: File) => Promise<string>) {
  return Extension.create({
    name: 'imageUpload',
    addProseMirrorPlugins() {
      const editor = this.editor;
      const insert = (files: File[], at: number | null) => {
        for (const file of files) {
          void upload(file).then(
            (src) => {
              const chain = editor.chain().focus();
              (at === null ? chain : chain.setTextSelection(Math.min(at, editor.state.doc.content.size))).setImage({ src, alt: file.name.slice(0, 200) }).run();
            },
            () => undefined, // the uploader reports its own errors
          );
        }
      };
      return [
        new Plugin({
          key: new PluginKey('imageUpload'),
          props: {
            handlePaste: (_view, event) => {
              const files = imageFiles(event.clipboardData?.files);
              if (files.length === 0) return false;
              insert(files, null);
              return true;
            },
            handleDrop: (view, event) => {
              const files = imageFiles(event.dataTransfer?.files);
              if (files.length === 0) return false;
              event.preventDefault();
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
              insert(files, at);
              return true;
            },
          },
        }),
      ];
    },
  });
}

/**
 * The document schema and its behaviour, shared by the live editor, the read-only views and the
 * schema test (server-built Yjs content must fit it).
 */
export function documentExtensions(options: DocumentExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, defaultProtocol: 'https' } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    DocumentImage.configure({ allowBase64: false, linkKey: options.linkKey ?? null }),
    Mention.configure({
      HTMLAttributes: { class: 'mention' },
      // Names render as text nodes: a name with HTML in it stays inert.
      renderText: ({ node }) => `@${String(node.attrs.label ?? node.attrs.id ?? '')}`,
      suggestion: options.mentionSuggestion ?? { char: '@', items: () => [] },
    }),
    ...(options.uploadImage ? [imageUploadExtension(options.uploadImage)] : []),
  ];
}
