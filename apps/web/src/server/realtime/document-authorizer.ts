import { parseCollabDocumentName, type AccessService } from '@p2pvalue/platform';
import type { DocumentAuthorizer } from './collab-server';

/** Project documents are authorised by the platform's access policy, like tRPC and REST. */
export function platformDocumentAuthorizer(access: AccessService): DocumentAuthorizer {
  return async (viewer, documentName, linkKey) => {
    const id = parseCollabDocumentName(documentName);
    if (!id) return 'none';
    const access_ = await access.documentAccess(viewer ? { id: viewer.id, role: viewer.role } : null, id, linkKey);
    return access_ === 'write' ? 'read-write' : access_ === 'read' ? 'read-only' : 'none';
  };
}
