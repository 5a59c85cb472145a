import { randomUUID } from 'node:crypto';
import { createSerwistRoute } from '@serwist/turbopack';

// Serves /serwist/sw.js (and its source map), built with esbuild when the app is built. The offline
// page gets a new revision per build so an update replaces it.
const revision = randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'src/sw/sw.ts',
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: '/offline', revision }],
});
