// Measures the first-load JavaScript of a page as a browser gets it, gzipped.
//
//   tsx scripts/measure-first-load.ts [url]     every <script src> in the server-rendered HTML of a
//                                              running server (default http://127.0.0.1:3000/)
//   tsx scripts/measure-first-load.ts --build [route]
//                                              no server: the chunks the production build in
//                                              apps/web/$NEXT_DIST_DIR (default .next) lists for
//                                              the route (default /) and its layouts
//
// `nomodule` scripts (Next's legacy polyfills) are left out of gzipKB: browsers with ES modules,
// i.e. every browser Next supports, never download them; they are reported as legacyGzipKB.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Sizes {
  scripts: number;
  rawKB: number;
  gzipKB: number;
}

const kb = (bytes: number) => +(bytes / 1024).toFixed(1);

function sizesOf(bodies: Buffer[]): Sizes {
  const raw = bodies.reduce((sum, body) => sum + body.length, 0);
  const gzipped = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  return { scripts: bodies.length, rawKB: kb(raw), gzipKB: kb(gzipped) };
}

async function measureUrl(pageUrl: string): Promise<Record<string, unknown>> {
  const html = await (await fetch(pageUrl)).text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)];
  const modern = new Set<string>();
  const legacy = new Set<string>();
  for (const [, before, src, after] of tags) {
    const url = new URL(src!.replaceAll('&amp;', '&'), pageUrl).toString();
    (/\snomodule\b/i.test(`${before} ${after}`) ? legacy : modern).add(url);
  }
  const fetchAll = (urls: Set<string>) => Promise.all([...urls].map(async (url) => Buffer.from(await (await fetch(url)).arrayBuffer())));
  // Inline scripts (RSC payload, bootstrap) travel in the HTML document itself.
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');
  return {
    page: pageUrl,
    ...sizesOf(await fetchAll(modern)),
    legacyGzipKB: sizesOf(await fetchAll(legacy)).gzipKB,
    inlineGzipKB: kb(gzipSync(inline).length),
  };
}

function measureBuild(route: string): Record<string, unknown> {
  const distDir = join(fileURLToPath(new URL('../apps/web/', import.meta.url)), process.env.NEXT_DIST_DIR || '.next');
  if (!existsSync(join(distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir} (npm run build)`);
  const buildManifest = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const page = route === '/' ? '/page' : `${route.replace(/\/$/, '')}/page`;
  const manifestFile = join(distDir, 'server/app', `${page}_client-reference-manifest.js`);
  if (!existsSync(manifestFile)) throw new Error(`no app route ${route} in ${distDir}`);
  const holder: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function('globalThis', readFileSync(manifestFile, 'utf8'))(holder);
  const entries = holder.__RSC_MANIFEST?.[page]?.entryJSFiles ?? {};
  // The page's own entry and those of the layouts above it (keys end in /layout or /page).
  const segments = page.split('/').filter(Boolean);
  const wanted = new Set(['app/layout', `app/${segments.join('/')}`, ...segments.slice(0, -1).map((_, i) => `app/${[...segments.slice(0, i + 1), 'layout'].join('/')}`)]);
  const files = new Set(buildManifest.rootMainFiles);
  for (const [key, chunks] of Object.entries(entries)) {
    if ([...wanted].some((w) => key.endsWith(`/src/${w}`))) chunks.forEach((chunk) => files.add(chunk));
  }
  const read = (list: Iterable<string>) => [...list].map((file) => readFileSync(join(distDir, file)));
  return { route, build: distDir, ...sizesOf(read(files)), legacyGzipKB: sizesOf(read(buildManifest.polyfillFiles)).gzipKB };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const result = args[0] === '--build' ? measureBuild(args[1] ?? '/') : await measureUrl(args[0] ?? 'http://127.0.0.1:3000/');
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
