import { getDb } from '../db';
import { resolveViewer } from '../auth/viewer';
import { importDirectoryCsv } from '../directory-import.http';
import { getOpenApiDocument } from '../rest/openapi';
import { downloadCitation, downloadDataPackage, downloadDatasetFile, uploadDatasetFile } from '../trpc/routers/archive.http';
import { downloadChatAttachment, uploadChatAttachment } from '../trpc/routers/chat-attachment.http';
import { casesCsvResponse } from '../trpc/routers/directory.csv-response';
import { downloadDocumentImage, uploadDocumentImage } from '../trpc/routers/document-image.http';
import { downloadExperimentResults } from '../trpc/routers/experiment-results.http';
import type { AccessClass, Persona } from './access-classes';
import { PNG_1X1, type SecurityWorld } from './security-fixtures';

/**
 * Who may call each hand-written route under /api/v1 and /api/uploads (the OpenAPI routes of
 * procedures are covered by access-matrix.ts). rest-access-matrix.test.ts finds the route files
 * on disk; a route or method without an entry here fails it.
 *
 * `handle` does what the route file does (resolve the viewer from the request, call the handler):
 * vitest cannot import the route files themselves (they use Next's `~/` alias).
 */
export interface RouteRequest {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface RouteCase {
  access: AccessClass;
  request: (world: SecurityWorld, persona: Persona) => RouteRequest | Promise<RouteRequest>;
  label?: string;
  /** A known authorisation hole: the case states the correct outcome and is skipped until fixed. */
  hole?: string;
}

export interface RouteEntry {
  handle: (req: Request, params: Record<string, string>) => Promise<Response>;
  cases: readonly RouteCase[];
}

type Params = Record<string, string>;
const viewer = (req: Request) => resolveViewer(req.headers);
const route = (access: AccessClass, request: RouteCase['request'], label?: string): RouteCase => ({ access, request, ...(label ? { label } : {}) });
const ref = (params: Params) => ({ id: params.id!, n: params.n! });
const csv = 'nid,name\n1,Guifi\n';
const bytes = (body: string | Uint8Array<ArrayBuffer>) => (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
/** An upload: the body with its length (handlers refuse bodies without one). */
const upload = (body: string | Uint8Array<ArrayBuffer>, extra: Omit<RouteRequest, 'body' | 'params'> & { params: Params }): RouteRequest => ({
  ...extra,
  body,
  headers: { 'content-length': String(bytes(body)), ...extra.headers },
});

const datasetFileUpload: RouteEntry = {
  handle: async (req, p) => uploadDatasetFile(getDb(), await viewer(req), { ...ref(p), name: p.name! }, req),
  cases: [route('owner', async (w) => upload(csv, { params: { id: await w.fresh.draftDataset(), n: '1', name: 'cases.csv' } }), "the researcher's draft")],
};

export const routeMatrix: Record<string, RouteEntry> = {
  'GET /api/v1/openapi.json': { handle: async () => Response.json(getOpenApiDocument()), cases: [route('public', () => ({ params: {} }))] },
  'GET /api/v1/cases.csv': { handle: async (req) => casesCsvResponse(getDb(), new URL(req.url)), cases: [route('public', () => ({ params: {}, query: { q: 'commons' } }))] },

  'GET /api/v1/datasets/[id]/versions/[n]/citation': {
    handle: async (req, p) => downloadCitation(getDb(), await viewer(req), ref(p), new URL(req.url)),
    cases: [
      route('public', (w) => ({ params: { id: w.publishedDataset, n: '1' }, query: { format: 'bibtex' } }), 'published'),
      route('owner', (w) => ({ params: { id: w.draftDataset, n: '1' }, query: { format: 'bibtex' } }), 'draft'),
    ],
  },
  'GET /api/v1/datasets/[id]/versions/[n]/datapackage.zip': {
    handle: async (req, p) => downloadDataPackage(getDb(), await viewer(req), ref(p), new URL(req.url).origin),
    cases: [route('public', (w) => ({ params: { id: w.publishedDataset, n: '1' } }), 'published'), route('owner', (w) => ({ params: { id: w.draftWithFile, n: '1' } }), 'draft')],
  },
  'GET /api/v1/datasets/[id]/versions/[n]/files/[name]': {
    handle: async (req, p) => downloadDatasetFile(getDb(), await viewer(req), { ...ref(p), name: p.name! }),
    cases: [
      route('public', (w) => ({ params: { id: w.publishedDataset, n: '1', name: 'cases.csv' } }), 'published'),
      route('owner', (w) => ({ params: { id: w.draftWithFile, n: '1', name: 'cases.csv' } }), 'draft'),
    ],
  },
  'PUT /api/v1/datasets/[id]/versions/[n]/files/[name]': datasetFileUpload,
  'PUT /api/uploads/datasets/[id]/versions/[n]/files/[name]': datasetFileUpload,

  'GET /api/v1/documents/[id]/images/[imageId]': {
    handle: async (req, p) => downloadDocumentImage(await viewer(req), { documentId: p.id!, imageId: p.imageId! }, new URL(req.url)),
    cases: [
      route('public', (w) => ({ params: { id: w.pub.document, imageId: w.images.pub } }), 'public project'),
      route('public', (w) => ({ params: { id: w.pub.linkDocument, imageId: w.images.link }, query: { key: w.pub.link.linkKey ?? '' } }), 'link project with the key'),
      route('community-member', (w) => ({ params: { id: w.pub.linkDocument, imageId: w.images.link } }), 'link project without the key'),
      route('community-admin', (w) => ({ params: { id: w.pub.inviteDocument, imageId: w.images.invite } }), 'invite-only project'),
      route('community-member', (w) => ({ params: { id: w.priv.document, imageId: w.images.priv } }), 'private community'),
      route('nobody', (w) => ({ params: { id: w.pub.document, imageId: w.images.invite } }), 'an image of another document'),
    ],
  },
  'PUT /api/uploads/documents/[documentId]/images': {
    handle: async (req, p) => uploadDocumentImage(await viewer(req), { documentId: p.documentId! }, req),
    cases: [
      route('community-member', (w) => upload(PNG_1X1, { params: { documentId: w.pub.document }, headers: { 'content-type': 'image/png' } }), 'public project'),
      route('community-admin', (w) => upload(PNG_1X1, { params: { documentId: w.pub.inviteDocument }, headers: { 'content-type': 'image/png' } }), 'invite-only project'),
    ],
  },

  'PUT /api/uploads/chat/[channelId]/attachments': {
    handle: async (req, p) => uploadChatAttachment(await viewer(req), { channelId: p.channelId! }, req),
    cases: [route('active-member', (w) => upload(PNG_1X1, { params: { channelId: w.pub.channel }, query: { name: 'dot.png' } }), 'a community channel')],
  },
  'GET /api/v1/chat/attachments/[attachmentId]': {
    handle: async (req, p) => downloadChatAttachment(await viewer(req), { attachmentId: p.attachmentId! }),
    cases: [
      route('active-member', (w) => ({ params: { attachmentId: w.chatAttachment } }), 'sent in a community channel'),
      route('nobody', (w) => ({ params: { attachmentId: w.unsentChatAttachment } }), "someone else's unsent upload"),
    ],
  },

  'POST /api/uploads/directory-import': {
    handle: async (req) => importDirectoryCsv(getDb(), await viewer(req), req),
    cases: [route('staff', () => upload('nid,name\n', { params: {}, query: { dryRun: '1' }, headers: { 'content-type': 'text/csv' } }), 'a dry run')],
  },

  'GET /api/v1/experiments/[id]/results.csv': {
    handle: async (req, p) => downloadExperimentResults(getDb(), await viewer(req), p.id!, 'csv'),
    cases: [route('owner', (w) => ({ params: { id: w.experiment.id } }))],
  },
  'GET /api/v1/experiments/[id]/results.json': {
    handle: async (req, p) => downloadExperimentResults(getDb(), await viewer(req), p.id!, 'json'),
    cases: [route('owner', (w) => ({ params: { id: w.experiment.id } }))],
  },
};
