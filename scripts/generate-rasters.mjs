#!/usr/bin/env node
// Writes the raster pictures the server and the mock data need, locally, with resvg and satori
// (no downloads): PNG copies of a few mock pictures (networks show no SVG in link previews),
// public/favicon.ico from public/favicon.svg, and the site's default share card.
// Run: node scripts/generate-rasters.mjs (the files are committed; rerun when a source changes).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import jpeg from 'jpeg-js';
import { drawCard } from '../server/syndication/cards.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pub = (file) => path.join(root, 'public', file);

/** Mock pictures as JPEG (a fifth of PNG's bytes for their gradients): three large enough to share, one too small. */
const RASTERS = [
  { svg: 'mock-images/agriculture-fields.svg', width: 1200 },
  { svg: 'mock-images/energy-solar.svg', width: 1200 },
  { svg: 'mock-images/health-pulse.svg', width: 1200 },
  { svg: 'mock-images/economy-chart.svg', width: 800, name: 'mock-images/economy-chart-small.jpg' },
];

function render(svg, width) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render();
}

for (const { svg, width, name } of RASTERS) {
  const image = render(await readFile(pub(svg)), width);
  const out = name ?? svg.replace(/\.svg$/, '.jpg');
  const { data } = jpeg.encode({ data: image.pixels, width: image.width, height: image.height }, 80);
  await writeFile(pub(out), data);
  console.log(`${out}: ${image.width}×${image.height}, ${data.length} bytes`);
}

// An ICO file holding PNG images (Windows Vista and every browser read PNG inside ICO).
const favicon = await readFile(pub('favicon.svg'));
const images = [16, 32, 48].map((size) => ({ size, png: render(favicon, size).asPng() }));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map(({ size, png }) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
const ico = Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
await writeFile(pub('favicon.ico'), ico);
console.log(`favicon.ico: ${images.map(({ size }) => size).join(', ')} px, ${ico.length} bytes`);

const card = await drawCard({
  headline: 'News on development, economy, technology and health from every region',
  kicker: null,
  siteName: 'Devdiscourse Reader',
});
await writeFile(pub('icons/share-card.png'), card);
console.log(`icons/share-card.png: 1200×630, ${card.length} bytes`);
