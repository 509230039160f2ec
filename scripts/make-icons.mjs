#!/usr/bin/env node
/* Draws the add-in's icons (a white heart in a warm circle) as PNGs in assets/, with nothing but
 * node's zlib: no image library, so the icons can be rebuilt anywhere. Run: node scripts/make-icons.mjs */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 32, 64, 80, 128];
const CIRCLE = [0xd9, 0x4f, 0x3d]; // warm red
const HEART = [0xff, 0xff, 0xff];
const SAMPLES = 4; // per axis: 16 samples per pixel for smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of the shapes at a point in [-1, 1]² (y down): 0 outside, 1 circle, 2 heart. */
function shapeAt(x, y) {
  if (x * x + y * y > 0.96 * 0.96) return 0;
  // The classic heart curve (x² + y² − 1)³ − x²y³ ≤ 0, scaled and moved to the circle's middle.
  const hx = x / 0.58;
  const hy = -(y - 0.06) / 0.58;
  const a = hx * hx + hy * hy - 1;
  return a * a * a - hx * hx * hy * hy * hy <= 0 ? 2 : 1;
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let circle = 0;
      let heart = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 2 - 1;
          const s = shapeAt(x, y);
          if (s === 1) circle++;
          else if (s === 2) heart++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const cover = (circle + heart) / n;
      const i = (py * size + px) * 4;
      if (cover === 0) continue;
      const h = heart / (circle + heart);
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(CIRCLE[k] * (1 - h) + HEART[k] * h);
      rgba[i + 3] = Math.round(cover * 255);
    }
  }
  return encodePng(size, rgba);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
}
