import type { PrismaClient } from '@p2pvalue/db';

export type TDocumentKind = 'pad' | 'doc';

export interface DocumentRow {
  id: string;
  projectId: string;
  folderId: string | null;
  title: string;
  kind: TDocumentKind;
  createdAt: Date;
  updatedAt: Date;
  editedAt: Date | null;
}

export interface FolderRow {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
}

const documentSelect = { id: true, projectId: true, folderId: true, title: true, kind: true, createdAt: true, updatedAt: true, editedAt: true } as const;
const folderSelect = { id: true, projectId: true, parentId: true, name: true } as const;

/** Documents, folders and the stored Yjs state: the only code that reads or writes them. */
export function createDocumentRepository(db: PrismaClient) {
  return {
    findById(id: string): Promise<DocumentRow | null> {
      return db.document.findUnique({ where: { id }, select: documentSelect });
    },

    async findWithText(id: string): Promise<(DocumentRow & { markdown: string; plainText: string }) | null> {
      return db.document.findUnique({ where: { id }, select: { ...documentSelect, markdown: true, plainText: true } });
    },

    listForProject(projectId: string): Promise<DocumentRow[]> {
      return db.document.findMany({ where: { projectId }, orderBy: [{ kind: 'asc' }, { title: 'asc' }, { id: 'asc' }], select: documentSelect });
    },

    listForProjects(projectIds: string[]): Promise<DocumentRow[]> {
      return db.document.findMany({ where: { projectId: { in: projectIds } }, orderBy: [{ title: 'asc' }], select: documentSelect });
    },

    create(input: { projectId: string; folderId: string | null; title: string; kind: TDocumentKind; createdById: string; yState?: Uint8Array; markdown?: string; plainText?: string }): Promise<DocumentRow> {
      const { yState, ...rest } = input;
      return db.document.create({ data: { ...rest, ...(yState ? { yState: Buffer.from(yState), editedAt: new Date() } : {}) }, select: documentSelect });
    },

    update(id: string, data: { title?: string; folderId?: string | null }): Promise<DocumentRow> {
      return db.document.update({ where: { id }, data, select: documentSelect });
    },

    async delete(id: string): Promise<void> {
      await db.document.delete({ where: { id } });
    },

    async loadState(id: string): Promise<Uint8Array | null> {
      const row = await db.document.findUnique({ where: { id }, select: { yState: true } });
      return row?.yState ? new Uint8Array(row.yState) : null;
    },

    async storeState(id: string, input: { yState: Uint8Array; markdown: string; plainText: string; at: Date }): Promise<boolean> {
      const { count } = await db.document.updateMany({
        where: { id },
        data: { yState: Buffer.from(input.yState), markdown: input.markdown, plainText: input.plainText, editedAt: input.at },
      });
      return count === 1;
    },

    /**
     * Compare-and-set: writes the state only while the stored one is still the state whose md5 is
     * `ifDigest` (null: nothing stored yet); otherwise writes nothing and returns the stored state,
     * which the caller merges before trying again. The row is locked while deciding.
     */
    async storeStateIfUnchanged(
      id: string,
      input: { yState: Uint8Array; markdown: string; plainText: string; at: Date; ifDigest: string | null },
    ): Promise<{ outcome: 'stored' } | { outcome: 'missing' } | { outcome: 'changed'; stored: Uint8Array }> {
      return db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ digest: string | null }[]>`SELECT md5("yState") AS digest FROM document WHERE id = ${id} FOR UPDATE`;
        if (!row) return { outcome: 'missing' as const };
        if (row.digest !== null && row.digest !== input.ifDigest) {
          const current = await tx.document.findUnique({ where: { id }, select: { yState: true } });
          return { outcome: 'changed' as const, stored: new Uint8Array(current!.yState!) };
        }
        await tx.document.update({
          where: { id },
          data: { yState: Buffer.from(input.yState), markdown: input.markdown, plainText: input.plainText, editedAt: input.at },
          select: { id: true },
        });
        return { outcome: 'stored' as const };
      });
    },

    async userNames(ids: string[]): Promise<Map<string, string>> {
      const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
      return new Map(users.map((u) => [u.id, u.name]));
    },

    listFolders(projectId: string): Promise<FolderRow[]> {
      return db.folder.findMany({ where: { projectId }, orderBy: [{ name: 'asc' }], select: folderSelect });
    },

    findFolder(id: string): Promise<FolderRow | null> {
      return db.folder.findUnique({ where: { id }, select: folderSelect });
    },

    createFolder(input: { projectId: string; parentId: string | null; name: string }): Promise<FolderRow> {
      return db.folder.create({ data: input, select: folderSelect });
    },

    renameFolder(id: string, name: string): Promise<FolderRow> {
      return db.folder.update({ where: { id }, data: { name }, select: folderSelect });
    },

    async deleteFolder(id: string): Promise<void> {
      await db.folder.delete({ where: { id } });
    },
  };
}

export type DocumentRepository = ReturnType<typeof createDocumentRepository>;
