// OpenAPI entries of the chat file routes: plain route handlers (they move bytes), so the
// generator, which reads tRPC procedures, cannot see them. The upload lives under /api/uploads (past
// the HTTP front's JSON body limit), hence its own `servers` entry.
import { MAX_CHAT_ATTACHMENT_BYTES } from '@p2pvalue/platform';
import type { generateOpenApiDocument } from 'trpc-to-openapi';

type Paths = NonNullable<ReturnType<typeof generateOpenApiDocument>['paths']>;

const ATTACHMENT = {
  type: 'object',
  required: ['id', 'name', 'url', 'contentType', 'size'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Pass it in `attachmentIds` of POST /channels/{id}/messages' },
    name: { type: 'string', description: 'The file name, cleaned (no path)' },
    url: { type: 'string', description: 'Where readers of the channel download it (GET, same credentials)' },
    contentType: { type: 'string', description: 'Sniffed from the bytes; the declared Content-Type is ignored' },
    size: { type: 'integer' },
  },
} as const;

const error = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' }, code: { type: 'string' } } } } } });

export const CHAT_ATTACHMENT_PATHS: Paths = {
  '/chat/{channelId}/attachments': {
    servers: [{ url: '/api/uploads' }],
    put: {
      operationId: 'chat-uploadAttachment',
      summary: 'Upload a file to send in a channel (then post a message with its id in `attachmentIds`)',
      description: `Note the base: this one is PUT /api/uploads/chat/{channelId}/attachments (not under /api/v1). The request body is the file's bytes, with a Content-Length. At most ${MAX_CHAT_ATTACHMENT_BYTES / 1024 / 1024} MB. Images, PDF, office documents, ZIP archives and text files are accepted, by their bytes. Uploads count against the member's limit (files per 10 minutes, bytes per hour) whether sent from the browser or a token. A file not sent with a message within a day is deleted.`,
      tags: ['chat'],
      security: [{ bearerAuth: [] }],
      parameters: [
        { name: 'channelId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'name', in: 'query', required: false, schema: { type: 'string', maxLength: 1000 }, description: 'The file name shown to readers' },
      ],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '201': { description: 'Stored, not yet sent', content: { 'application/json': { schema: ATTACHMENT } } },
        '400': error('Empty, no Content-Length, or a kind of file that cannot be shared'),
        '401': error('Authorization not provided'),
        '403': error('The channel is read-only for the caller'),
        '404': error('No such channel (or the caller cannot read it)'),
        '413': error('The file is too large'),
        '429': error('Too many uploads in a short time'),
      },
    },
  },
  '/chat/attachments/{attachmentId}': {
    get: {
      operationId: 'chat-downloadAttachment',
      summary: 'Download a file sent in a channel the caller can read (an unsent upload: its uploader only)',
      tags: ['chat'],
      security: [{ bearerAuth: [] }],
      parameters: [{ name: 'attachmentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: {
        '200': { description: 'The file, with its sniffed Content-Type', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        '401': error('Authorization not provided'),
        '404': error('No such file (or the caller cannot read its channel)'),
      },
    },
  },
};
