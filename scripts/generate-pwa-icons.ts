// Draws the installable app's icons from apps/web/src/app/icon.svg (no downloads): the "any"
// icons at 192 and 512 px, a maskable 512 px icon (glyph inside the 80 % safe zone on a full-bleed
// background) and the 180 px Apple touch icon. Usage: tsx scripts/generate-pwa-icons.ts
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}apps/web/src/app/icon.svg`, 'utf8');
const outDir = `${root}apps/web/public/icons`;
const BACKGROUND = '#e7f4ef';

/** The glyph without its rounded background tile, scaled into the middle `scale` of the canvas. */
function maskable(scale: number): string {
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect[^>]*\/>/, '');
  const offset = (24 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" fill="${BACKGROUND}"/><g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="#0f6e56" stroke-width="2">${inner}</g></svg>`;
}

async function render(source: string, size: number, file: string): Promise<void> {
  await sharp(Buffer.from(source), { density: Math.ceil((72 * size) / 24) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(file);
  console.log(`wrote ${file}`);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await render(svg, 192, `${outDir}/icon-192.png`);
  await render(svg, 512, `${outDir}/icon-512.png`);
  await render(maskable(0.6), 512, `${outDir}/icon-maskable-512.png`);
  // Apple ignores transparency and rounds corners itself: a full-bleed tile.
  await render(maskable(0.72), 180, `${root}apps/web/src/app/apple-icon.png`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
