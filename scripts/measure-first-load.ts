// Measures the first-load JavaScript of a page as a browser gets it: every <script src> in the
// server-rendered HTML, fetched and gzipped. Usage: tsx scripts/measure-first-load.ts [url]
import { gzipSync } from 'node:zlib';

async function main(): Promise<void> {
  const pageUrl = process.argv[2] ?? 'http://127.0.0.1:3000/';
  const html = await (await fetch(pageUrl)).text();
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&'), pageUrl).toString());
  let raw = 0;
  let gzipped = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(src)).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  // Inline scripts (RSC payload, bootstrap) travel in the HTML document itself.
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');
  console.log(JSON.stringify({ page: pageUrl, scripts: new Set(sources).size, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gzipped / 1024).toFixed(1), inlineGzipKB: +(gzipSync(inline).length / 1024).toFixed(1) }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
