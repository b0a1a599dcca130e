#!/usr/bin/env node
// Writes the app's PNG icons (web app manifest and Apple touch icon) into public/icons/.
// No image library and no download: the brand mark (a white "D" on navy, as in
// public/favicon.svg) is rasterised here and encoded as PNG by hand with node:zlib.
// Run: npm run icons (the PNGs are committed; rerun only when the mark changes).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public/icons');

const NAVY = [0x0f, 0x3b, 0x66];
const WHITE = [0xff, 0xff, 0xff];

// --- PNG encoding -----------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** RGBA pixels (size*size*4) to a PNG file: 8-bit truecolour with alpha, no filtering. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering (each row says filter 0)
  header[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- The mark, in the favicon's 64-unit grid -----------------------------------

/** Inside the "D": a stroked outline (6 units) of two bars, a spine and a half circle. */
function inMark(x, y) {
  const half = 3;
  if (x >= 18 - half && x <= 18 + half && y >= 16 - half && y <= 48 + half) return true; // spine
  if (x >= 18 - half && x <= 32 && Math.abs(y - 16) <= half) return true; // top bar
  if (x >= 18 - half && x <= 32 && Math.abs(y - 48) <= half) return true; // bottom bar
  if (x >= 32) {
    const distance = Math.hypot(x - 32, y - 32);
    return distance >= 16 - half && distance <= 16 + half; // the bowl
  }
  return false;
}

/** Inside the rounded square background (radius 12 of 64), or everything when full bleed. */
function inBackground(x, y, rounded) {
  if (!rounded) return true;
  const r = 12;
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/**
 * Renders one icon with 4x4 supersampling. `markScale` shrinks the mark about the
 * centre (the maskable icon keeps it inside the central 80% safe zone).
 */
function render(size, { rounded, markScale }) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 64;
          const y = ((py + (sy + 0.5) / samples) / size) * 64;
          if (!inBackground(x, y, rounded)) continue;
          background++;
          const mx = 32 + (x - 32) / markScale;
          const my = 32 + (y - 32) / markScale;
          if (inMark(mx, my)) mark++;
        }
      }
      const total = samples * samples;
      const t = background === 0 ? 0 : mark / background;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        rgba[offset + channel] = Math.round(NAVY[channel] * (1 - t) + WHITE[channel] * t);
      }
      rgba[offset + 3] = Math.round((background / total) * 255);
    }
  }
  return encodePng(size, rgba);
}

const icons = [
  { file: 'icon-192.png', size: 192, rounded: true, markScale: 1 },
  { file: 'icon-512.png', size: 512, rounded: true, markScale: 1 },
  // Full bleed (the platform cuts its own shape); the mark fits the 80% safe circle.
  { file: 'maskable-512.png', size: 512, rounded: false, markScale: 0.75 },
  // iOS rounds the corners itself and shows transparency as black: opaque, full bleed.
  { file: 'apple-touch-icon-180.png', size: 180, rounded: false, markScale: 0.9 },
];

await mkdir(outDir, { recursive: true });
for (const icon of icons) {
  const png = render(icon.size, icon);
  await writeFile(path.join(outDir, icon.file), png);
  console.log(`public/icons/${icon.file}: ${icon.size}x${icon.size}, ${png.length} bytes`);
}
