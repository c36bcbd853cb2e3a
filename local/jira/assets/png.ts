import { adler32, crc32 } from './checksums';

/** Draws one pixel as [r, g, b]. */
export type PixelPainter = (x: number, y: number) => readonly [number, number, number];

const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, crc]);
};

/**
 * A zlib stream of stored (uncompressed) deflate blocks: valid for every PNG decoder, and its length
 * follows from the pixel count alone, so attachment sizes are the same on every Node version.
 */
export const zlibStored = (raw: Buffer): Buffer => {
  const blocks: Buffer[] = [Buffer.from([0x78, 0x01])];
  const max = 0xffff;
  for (let offset = 0; offset < raw.length || offset === 0; offset += max) {
    const part = raw.subarray(offset, offset + max);
    const last = offset + max >= raw.length;
    const header = Buffer.alloc(5);
    header[0] = last ? 1 : 0;
    header.writeUInt16LE(part.length, 1);
    header.writeUInt16LE(~part.length & 0xffff, 3);
    blocks.push(header, part);
    if (last) break;
  }
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler32(raw), 0);
  blocks.push(trailer);
  return Buffer.concat(blocks);
};

/** An 8-bit RGB PNG. */
export const encodePng = (width: number, height: number, paint: PixelPainter): Buffer => {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = paint(x, y);
      const at = y * stride + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Parses a hex colour such as `#0052CC` into [r, g, b]. */
export const rgb = (hex: string): [number, number, number] => {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
};
