import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from '../trpc/root';
import { APP_VERSION } from '../trpc/routers/system.router';
import { CHAT_ATTACHMENT_PATHS } from './chat-attachments.openapi';
import { EXPERIMENT_RESULT_PATHS } from './experiment-results.openapi';

let cached: ReturnType<typeof generateOpenApiDocument> | null = null;

/** The public REST surface, generated from the procedures that carry OpenAPI metadata. */
export function getOpenApiDocument() {
  cached ??= generateOpenApiDocument(appRouter, {
    title: 'P2Pvalue API',
    description:
      'Public REST API of P2Pvalue. Authenticate scripts with a personal API token from your account page: `Authorization: Bearer p2pv_…`.',
    version: APP_VERSION,
    baseUrl: '/api/v1',
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
  });
  // File downloads are route handlers, not procedures: their entries are added by hand.
  cached.paths = { ...cached.paths, ...EXPERIMENT_RESULT_PATHS, ...CHAT_ATTACHMENT_PATHS };
  return cached;
}
