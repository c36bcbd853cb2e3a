/** Shared by the attachments-*.test.ts files: the seeded attachments and readers of PNG and ZIP bytes. */
import { crc32 } from '../../../local/jira/assets/checksums';

/** generatedSha256(1, 20 MiB): pinned, so a change to the pattern is noticed. */
export const GENERATED_20_MIB_SEED_1 = 'b748c60f861cb02a3bd97ec6f517da71c0cd831720e4ed2c964e049c21d6193f';

export interface AttachmentAnswer {
  self: string;
  id: string | number;
  filename: string;
  author: { accountId: string };
  created: string;
  size: number;
  mimeType: string;
  content: string;
  thumbnail?: string;
  /** AttachmentMetadata only (GET /attachment/{id}): the Media Services file id ADF media nodes name. */
  mediaApiFileId?: string;
}

export const THREE_MB = 3 * 1024 * 1024;

export const SEEDED = [
  { id: '10100', issue: 'DEMO-1', filename: 'outlook-sync-error.png', mimeType: 'image/png', size: 192_278 },
  { id: '10101', issue: 'DEMO-1', filename: 'outlook-sync.log', mimeType: 'text/plain', size: 48_010 },
  { id: '10102', issue: 'DEMO-2', filename: 'onboarding-checklist.csv', mimeType: 'text/csv', size: 712 },
  { id: '10103', issue: 'DEMO-3', filename: 'vpn-diagnostics.zip', mimeType: 'application/zip', size: 3_401_005 },
  { id: '10104', issue: 'DEMO-3', filename: 'wifi-signal-heatmap.png', mimeType: 'image/png', size: 1_080_748 },
  { id: '10105', issue: 'DEMO-4', filename: 'printer-setup-guide.pdf', mimeType: 'application/pdf', size: 1_269 },
  {
    id: '10106',
    issue: 'DEMO-2',
    filename: 'laptop-fleet-inventory.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    size: 3_598_215,
  },
];

/** Reads a PNG's chunks, checking each CRC. */
export const pngChunks = (bytes: Buffer): { type: string; data: Buffer }[] => {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(bytes.subarray(offset + 4, offset + 8), data));
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
};

/** Reads a ZIP's central directory, checking each stored entry's CRC. */
export const zipEntries = (bytes: Buffer): { name: string; size: number }[] => {
  const end = bytes.length - 22;
  expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(bytes.readUInt32LE(offset)).toBe(0x02014b50);
    const crc = bytes.readUInt32LE(offset + 16);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    expect(crc32(bytes.subarray(dataStart, dataStart + size))).toBe(crc);
    entries.push({ name, size });
    offset += 46 + nameLength;
  }
  return entries;
};
