// Writes web/embed/card.png, the link-card image (Open Graph, oEmbed thumbnail): 1200x630, a
// two-arm spiral and a decision boundary that fits it, in the lab's class colours. Generated (not drawn by hand) so it
// can be remade; the PNG is committed. Palette PNG with a handful of colours: a few KB.
//   node scripts/card-image.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO_ROOT } from './serve.mjs';

const W = 1200;
const H = 630;
// background, class 0 region, class 1 region, class 0 dot, class 1 dot, ink
const PALETTE = [[255, 255, 255], [250, 222, 170], [178, 214, 236], [230, 159, 0], [0, 114, 178], [27, 27, 27]];

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The class of the data point nearest to (x, y): a boundary that fits the spiral exactly. */
function nearestClass(dots, x, y) {
  let best = Infinity, cls = 0;
  for (const [dx, dy, c] of dots) {
    const d = (dx - x) ** 2 + (dy - y) ** 2;
    if (d < best) { best = d; cls = c; }
  }
  return cls;
}

export function cardImage() {
  const raw = Buffer.alloc(H * (W + 1));
  const dots = [];
  for (let i = 0; i < 220; i++) {
    const t = (i / 220) * 3 * Math.PI + 0.4;
    for (const c of [0, 1]) dots.push([(t * Math.cos(t + c * Math.PI)) / 1.75, (t * Math.sin(t + c * Math.PI)) / 1.75, c]);
  }
  const scale = 630 / 12;  // data units -> pixels; the square sits on the right
  const cx = W / 2, cy = H / 2;
  for (let py = 0; py < H; py++) {
    raw[py * (W + 1)] = 0;  // filter: none
    for (let px = 0; px < W; px++) {
      let colour = 0;
      const x = (px - cx) / scale, y = (cy - py) / scale;
      if (Math.abs(x) <= 6 && Math.abs(y) <= 6) colour = 1 + nearestClass(dots, x, y);
      raw[py * (W + 1) + 1 + px] = colour;
    }
  }
  for (const [x, y, c] of dots) {
    const px = Math.round(cx + x * scale), py = Math.round(cy - y * scale);
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        if (dx * dx + dy * dy > 16 || py + dy < 0 || py + dy >= H) continue;
        raw[(py + dy) * (W + 1) + 1 + px + dx] = dx * dx + dy * dy > 9 ? 5 : 3 + c;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);  // 8-bit indexed colour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(PALETTE.flat())),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.join(REPO_ROOT, 'web/embed/card.png');
  fs.writeFileSync(out, cardImage());
  console.log(`== link-card image: ${path.relative(REPO_ROOT, out)} (${fs.statSync(out).size} bytes)`);
}
