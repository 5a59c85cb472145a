import type { PrismaClient } from '@p2pvalue/db';
import { createDatasetService, DEFAULT_MAX_FILE_BYTES, type ArchiveViewer } from '@p2pvalue/directory';
import { hasRole } from '@p2pvalue/platform';
import { AppError, HTTP_STATUS_BY_CODE, isAppError } from '@p2pvalue/shared';
import type { Viewer } from '../../auth/viewer';
import { databaseFailureError } from '../../database-unavailable';

// REST endpoints of the archive that move bytes (tRPC/OpenAPI procedures speak JSON only).
// Route files under app/api/v1/datasets/** call these with the resolved viewer.

const toArchiveViewer = (viewer: Viewer | null): ArchiveViewer | null => (viewer ? { id: viewer.id, isStaff: hasRole(viewer.role, 'staff') } : null);

function errorResponse(caught: unknown): Response {
  const error = databaseFailureError(caught) ?? caught;
  if (isAppError(error)) return Response.json({ message: error.userMessage, code: error.code }, { status: HTTP_STATUS_BY_CODE[error.code] });
  throw error;
}

const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export interface VersionRef {
  id: string;
  n: string;
}

function versionNumber(n: string): number {
  const value = Number(n);
  if (!Number.isInteger(value) || value < 1) throw new AppError('NOT_FOUND', 'No such data set version.');
  return value;
}

/** GET …/versions/{n}/files/{name}: the file's bytes with its media type and sha256. */
export async function downloadDatasetFile(db: PrismaClient, viewer: Viewer | null, ref: VersionRef & { name: string }): Promise<Response> {
  try {
    const { file, content } = await createDatasetService({ db }).getFile({ viewer: toArchiveViewer(viewer), datasetId: ref.id, n: versionNumber(ref.n), name: decodeURIComponent(ref.name) });
    return new Response(content as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType,
        'content-length': String(file.size),
        'content-disposition': attachment(file.name),
        digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
        etag: `"${file.sha256}"`,
        'cache-control': 'private, max-age=0, must-revalidate',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** PUT …/versions/{n}/files/{name} with the raw bytes as the body: add or replace a draft's file. */
export async function uploadDatasetFile(db: PrismaClient, viewer: Viewer | null, ref: VersionRef & { name: string }, req: Request): Promise<Response> {
  try {
    if (!viewer) throw new AppError('UNAUTHORIZED', 'Sign in to deposit files.');
    if (!hasRole(viewer.role, 'researcher')) throw new AppError('FORBIDDEN', 'Only researchers and staff can deposit data sets.');
    const declared = Number(req.headers.get('content-length') ?? '0');
    if (declared > DEFAULT_MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Files can be at most ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024} MB.`);
    const content = new Uint8Array(await req.arrayBuffer());
    const file = await createDatasetService({ db }).addFile({ actor: toArchiveViewer(viewer)!, datasetId: ref.id, n: versionNumber(ref.n), name: decodeURIComponent(ref.name), content });
    return Response.json({ name: file.name, size: file.size, sha256: file.sha256, mediaType: file.mediaType, tableSchema: file.tableSchema ?? null }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** GET …/versions/{n}/datapackage.zip: the Frictionless Data Package of the version. */
export async function downloadDataPackage(db: PrismaClient, viewer: Viewer | null, ref: VersionRef, baseUrl: string): Promise<Response> {
  try {
    const { zip, fileName } = await createDatasetService({ db }).dataPackage({ viewer: toArchiveViewer(viewer), datasetId: ref.id, n: versionNumber(ref.n), baseUrl });
    return new Response(zip as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/zip', 'content-length': String(zip.byteLength), 'content-disposition': attachment(fileName) } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** GET …/versions/{n}/citation?format=bibtex|csl-json|cff */
export async function downloadCitation(db: PrismaClient, viewer: Viewer | null, ref: VersionRef, url: URL): Promise<Response> {
  try {
    const format = url.searchParams.get('format') ?? 'bibtex';
    if (format !== 'bibtex' && format !== 'csl-json' && format !== 'cff') throw new AppError('BAD_REQUEST', 'format must be bibtex, csl-json or cff.');
    const citation = await createDatasetService({ db }).citation({ viewer: toArchiveViewer(viewer), datasetId: ref.id, n: versionNumber(ref.n), format, baseUrl: url.origin });
    return new Response(citation.text, { headers: { 'content-type': `${citation.mediaType}; charset=utf-8`, 'content-disposition': attachment(citation.fileName) } });
  } catch (error) {
    return errorResponse(error);
  }
}
