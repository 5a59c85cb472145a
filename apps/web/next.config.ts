import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Parallel builds (e.g. several e2e runs on one machine) each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Workspace libraries ship TypeScript sources.
  transpilePackages: ['@p2pvalue/sim', '@p2pvalue/platform', '@p2pvalue/directory', '@p2pvalue/shared', '@p2pvalue/db'],
  serverExternalPackages: ['pino', 'pino-pretty', 'ioredis', 'bullmq', 'pg', '@prisma/adapter-pg', '@prisma/client', 'better-auth', 'esbuild', 'esbuild-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Oversized JSON bodies are refused before they reach a handler.
    serverActions: { bodySizeLimit: '1mb' },
    // forbidden() / unauthorized() from next/navigation: real 403/401 responses from pages.
    authInterrupts: true,
  },
};

export default nextConfig;
