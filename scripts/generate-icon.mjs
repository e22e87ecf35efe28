// Draws images/icon.png (128×128): a page on the SDG 16 blue, with a heading line and bars in
// SDG goal colours — a synthesis organised by goals. Plain pixels written as a PNG with node:zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const rgba = new Uint8Array(size * size * 4);
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** Fills a rounded rectangle, with anti-aliased edges, over what is there. */
function rect(x0, y0, x1, y1, radius, colour) {
  const [r, g, b] = hex(colour);
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      // Coverage of the pixel centre by the rounded rectangle (signed distance, 1 px soft edge).
      const cx = Math.max(x0 + radius - (x + 0.5), 0, x + 0.5 - (x1 - radius));
      const cy = Math.max(y0 + radius - (y + 0.5), 0, y + 0.5 - (y1 - radius));
      const outside = Math.hypot(cx, cy) - radius;
      const alpha = Math.min(1, Math.max(0, 0.5 - outside));
      if (alpha <= 0) continue;
      const i = (y * size + x) * 4;
      const a0 = rgba[i + 3] / 255;
      const a = alpha + a0 * (1 - alpha);
      rgba[i] = Math.round((r * alpha + rgba[i] * a0 * (1 - alpha)) / a);
      rgba[i + 1] = Math.round((g * alpha + rgba[i + 1] * a0 * (1 - alpha)) / a);
      rgba[i + 2] = Math.round((b * alpha + rgba[i + 2] * a0 * (1 - alpha)) / a);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
}

rect(0, 0, 128, 128, 22, '#00689D'); // background: SDG 16
rect(26, 16, 102, 112, 6, '#FFFFFF'); // the page
rect(36, 28, 92, 36, 3, '#19486A'); // heading
const bars = [['#E5243B', 60], ['#4C9F38', 44], ['#FCC30B', 52], ['#26BDE2', 36], ['#00689D', 56]];
bars.forEach(([colour, width], i) => rect(36, 46 + i * 12, 36 + width, 52 + i * 12, 3, colour));

// PNG: signature, IHDR, IDAT (filter byte 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`Wrote images/icon.png (${png.length} bytes).`);
