import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';

import {
  ALEX_ADMIN,
  CASEY_CUSTOMER,
  createJiraEmulator,
  generatedContent,
  generatedSha256,
  JORDAN_MEMBER,
  SAM_AGENT,
} from '../../../local/jira';
import { crc32 } from '../../../local/jira/assets/checksums';
import { MEDIA_TOKEN_SECONDS } from '../../../local/jira/media-links';
import { ANONYMOUS, APP, as, get, newJira, NOW, SITE } from './helpers';

/** generatedSha256(1, 20 MiB): pinned, so a change to the pattern is noticed. */
const GENERATED_20_MIB_SEED_1 = 'b748c60f861cb02a3bd97ec6f517da71c0cd831720e4ed2c964e049c21d6193f';

interface AttachmentAnswer {
  self: string;
  id: string | number;
  filename: string;
  author: { accountId: string };
  created: string;
  size: number;
  mimeType: string;
  content: string;
  thumbnail?: string;
}

const THREE_MB = 3 * 1024 * 1024;

const SEEDED = [
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
const pngChunks = (bytes: Buffer): { type: string; data: Buffer }[] => {
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
const zipEntries = (bytes: Buffer): { name: string; size: number }[] => {
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

describe('attachments', () => {
  const jira = newJira();
  const admin = as(ALEX_ADMIN);

  it("lists each issue's attachments in fields.attachment", async () => {
    const counts: Record<string, number> = {};
    for (const key of jira.issueKeys()) {
      // SEC-1 only as Sam: SEC's scheme grants its security team only, which Alex is not in.
      const who = key.startsWith('SEC-') ? as(SAM_AGENT) : admin;
      const fields = (await get(jira, `/rest/api/3/issue/${key}?fields=attachment`, who)).json<{
        fields: { attachment: AttachmentAnswer[] };
      }>().fields;
      counts[key] = fields.attachment.length;
    }
    expect(counts).toEqual({
      'DEMO-1': 2,
      'DEMO-2': 2,
      'DEMO-3': 2,
      'DEMO-4': 1,
      'DEMO-5': 0,
      'DEMO-6': 0,
      'OPS-1': 0,
      'OPS-2': 0,
      'SEC-1': 1,
    });
  });

  it('has two attachments over 3 MB, and several sizes below', () => {
    expect(SEEDED.filter((attachment) => attachment.size > THREE_MB).map((attachment) => attachment.filename)).toEqual([
      'vpn-diagnostics.zip',
      'laptop-fleet-inventory.xlsx',
    ]);
    expect(SEEDED.filter((attachment) => attachment.size < 1024 * 1024)).toHaveLength(4);
  });

  it.each(SEEDED)(
    '$filename: metadata, field entry and bytes agree',
    async ({ id, issue, filename, mimeType, size }) => {
      const metadata = (await get(jira, `/rest/api/3/attachment/${id}`, admin)).json<AttachmentAnswer>();
      expect(metadata).toEqual({
        self: `${SITE}/rest/api/3/attachment/${id}`,
        id: Number(id),
        filename,
        author: expect.objectContaining({ accountId: expect.any(String) }),
        created: expect.stringMatching(/^2025-0[23]-\d\dT\d\d:\d\d:\d\d\.000\+0000$/),
        size,
        mimeType,
        content: `${SITE}/rest/api/3/attachment/content/${id}`,
        ...(mimeType.startsWith('image/') ? { thumbnail: `${SITE}/rest/api/3/attachment/thumbnail/${id}` } : {}),
      });
      const field = (await get(jira, `/rest/api/3/issue/${issue}?fields=attachment`, admin))
        .json<{ fields: { attachment: AttachmentAnswer[] } }>()
        .fields.attachment.find((entry) => entry.id === id);
      expect(field).toEqual({ ...metadata, id });

      const content = await get(jira, `/rest/api/3/attachment/content/${id}?redirect=false`, admin);
      expect(content.status).toBe(200);
      expect(content.headers['content-type']).toBe(mimeType);
      expect(content.headers['content-length']).toBe(String(size));
      expect(content.headers['content-disposition']).toBe(
        `attachment; filename="${filename}"; filename*=UTF-8''${filename}`,
      );
      expect(content.bytes.length).toBe(size);
    },
  );

  it('serves real PNG images', async () => {
    const expectations = [
      { id: '10100', width: 320, height: 200 },
      { id: '10104', width: 600, height: 600 },
    ];
    for (const { id, width, height } of expectations) {
      const chunks = pngChunks((await get(jira, `/rest/api/3/attachment/content/${id}?redirect=false`, admin)).bytes);
      expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
      const header = chunks[0]?.data as Buffer;
      expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([width, height, 8, 2]);
      expect(inflateSync(chunks[1]?.data as Buffer).length).toBe(height * (width * 3 + 1));
    }
  });

  it('serves a ZIP over 3 MB that unpacks', async () => {
    const bytes = (await get(jira, '/rest/api/3/attachment/content/10103?redirect=false', admin)).bytes;
    expect(bytes.length).toBeGreaterThan(THREE_MB);
    expect(zipEntries(bytes)).toEqual([
      { name: 'vpn-diagnostics/PanGPS.log', size: 3_400_071 },
      { name: 'vpn-diagnostics/ipconfig.txt', size: 450 },
      { name: 'vpn-diagnostics/README.txt', size: 74 },
    ]);
  });

  it('serves a spreadsheet over 3 MB: an Office Open XML package whose sheet lists 7,100 laptops', async () => {
    const bytes = (await get(jira, '/rest/api/3/attachment/content/10106?redirect=false', admin)).bytes;
    expect(bytes.length).toBeGreaterThan(THREE_MB);
    const entries = zipEntries(bytes);
    expect(entries.map((entry) => entry.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = bytes.toString('utf8');
    expect(sheet).toContain('<sheet name="Laptops" sheetId="1" r:id="rId1"/>');
    expect(sheet).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>Asset tag</t></is></c>');
    expect(sheet).toContain('<c r="A7101" t="inlineStr"><is><t>LT-07100</t></is></c>');
    expect(sheet).not.toContain('<row r="7102">');
  });

  it('serves a log, a CSV and a PDF whose content fits their type', async () => {
    const text = async (id: string) =>
      (await get(jira, `/rest/api/3/attachment/content/${id}?redirect=false`, admin)).bytes.toString('utf8');
    const log = (await text('10101')).split('\n').filter(Boolean);
    expect(log.every((line) => /^2025-03-03 \d\d:\d\d:\d\d\.\d{3} (INFO |WARN |ERROR) \[\d{3}\] \S/.test(line))).toBe(
      true,
    );
    const csv = (await text('10102')).split('\r\n');
    expect(csv[0]).toBe('Item,Owner,Due,Status,Notes');
    expect(csv[1]).toBe(
      '"Laptop (MacBook Pro 14"", 32 GB)",Sam Rivera,2025-03-14,Ordered,Asset tag to be assigned on arrival',
    );
    const pdf = (await get(jira, '/rest/api/3/attachment/content/10105?redirect=false', admin)).bytes.toString(
      'latin1',
    );
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
  });

  it('generates the same bytes in every emulator', async () => {
    const other = newJira();
    for (const { id } of SEEDED) {
      const mine = (await get(jira, `/rest/api/3/attachment/content/${id}?redirect=false`, admin)).bytes;
      const theirs = (await get(other, `/rest/api/3/attachment/content/${id}?redirect=false`, APP)).bytes;
      expect(mine.equals(theirs)).toBe(true);
    }
  });

  describe('content, as "Get attachment content" documents it', () => {
    const location = async (path: string) => {
      const answer = await get(jira, path, admin);
      expect(answer.status).toBe(303);
      expect(answer.bytes.length).toBe(0);
      return new URL(answer.headers.location ?? '');
    };

    it('answers 303 to the media service by default, and the bytes themselves with redirect=false', async () => {
      const url = await location('/rest/api/3/attachment/content/10102');
      expect(url.origin).toBe(SITE);
      expect(url.pathname).toBe('/rest/media/file/b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310102/binary');
      expect([...url.searchParams.keys()]).toEqual(['token', 'client', 'dl', 'name']);
      expect(url.searchParams.get('name')).toBe('onboarding-checklist.csv');
      expect((await location('/rest/api/3/attachment/content/10102?redirect=true')).pathname).toBe(url.pathname);
      expect((await location('/rest/api/2/attachment/content/10102')).pathname).toBe(url.pathname);

      const direct = await get(jira, '/rest/api/3/attachment/content/10102?redirect=false', admin);
      expect([direct.status, direct.headers['content-length'], direct.bytes.length]).toEqual([200, '712', 712]);
      expect(direct.headers.location).toBeUndefined();
    });

    it('serves the same bytes at the download URL, to anyone holding it, with Range', async () => {
      const url = await location('/rest/api/3/attachment/content/10100');
      const download = await get(jira, `${url.pathname}${url.search}`, ANONYMOUS);
      const direct = await get(jira, '/rest/api/3/attachment/content/10100?redirect=false', admin);
      expect([download.status, download.headers['content-type']]).toEqual([200, 'image/png']);
      expect(download.bytes.equals(direct.bytes)).toBe(true);
      const part = await get(jira, `${url.pathname}${url.search}`, ANONYMOUS, { range: 'bytes=0-7' });
      expect([part.status, part.headers['content-range'], part.bytes.length]).toEqual([206, 'bytes 0-7/192278', 8]);
    });

    it('refuses a download URL whose token is missing, made for another file, or expired', async () => {
      const url = await location('/rest/api/3/attachment/content/10100');
      const other = await location('/rest/api/3/attachment/content/10101');
      const refused = async (path: string, site = jira) => {
        const answer = await get(site, path, ANONYMOUS);
        expect(answer.status).toBe(401);
        return answer.json<{ errorMessages: string[] }>().errorMessages;
      };
      expect(await refused(url.pathname)).toEqual(['The media token is missing or not valid for this file.']);
      expect(
        await refused(`${url.pathname}?token=${encodeURIComponent(other.searchParams.get('token') ?? '')}`),
      ).toEqual(['The media token is missing or not valid for this file.']);
      // Another site signs with its own key.
      expect(await refused(`${url.pathname}${url.search}`, newJira())).toEqual([
        'The media token is missing or not valid for this file.',
      ]);
      let now = NOW;
      const later = createJiraEmulator({ siteUrl: SITE, now: () => now });
      const fresh = new URL((await get(later, '/rest/api/3/attachment/content/10100', admin)).headers.location ?? '');
      now = new Date(NOW.getTime() + (MEDIA_TOKEN_SECONDS + 1) * 1000);
      expect(await refused(`${fresh.pathname}${fresh.search}`, later)).toEqual(['The media token has expired.']);
    });

    it('checks permissions before redirecting', async () => {
      expect((await get(jira, '/rest/api/3/attachment/content/10103', as(CASEY_CUSTOMER))).status).toBe(403);
      expect((await get(jira, '/rest/api/3/attachment/content/10103', ANONYMOUS)).status).toBe(401);
    });
  });

  describe('generated files', () => {
    it('attaches a file made from a seed: listed like any other, its bytes made only while they are read', async () => {
      const site = newJira();
      const size = 5 * 1024 * 1024 + 17;
      const { id, mediaId } = site.attachGeneratedFile({
        issueKey: 'DEMO-5',
        filename: 'capture.pcap',
        size,
        seed: 42,
      });
      expect([id, mediaId]).toEqual([
        '10107',
        expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/),
      ]);
      const fields = (await get(site, '/rest/api/3/issue/DEMO-5?fields=attachment', admin)).json<{
        fields: { attachment: AttachmentAnswer[] };
      }>().fields;
      expect(fields.attachment).toEqual([
        expect.objectContaining({ id, filename: 'capture.pcap', size, mimeType: 'application/octet-stream' }),
      ]);

      const streamed = await site.handleStreaming(
        { method: 'GET', path: `/rest/api/3/attachment/content/${id}?redirect=false`, headers: {} },
        admin,
      );
      expect([streamed.status, streamed.headers['content-length']]).toEqual([200, String(size)]);
      if (!(streamed.body instanceof ReadableStream)) throw new Error('expected a stream');
      const reader = streamed.body.getReader();
      const hash = createHash('sha256');
      let pieces = 0;
      let largest = 0;
      for (let step = await reader.read(); !step.done; step = await reader.read()) {
        hash.update(step.value);
        pieces += 1;
        largest = Math.max(largest, step.value.byteLength);
      }
      expect(hash.digest('hex')).toBe(generatedSha256(42, size));
      expect([pieces, largest]).toEqual([81, 64 * 1024]);
    });

    it('makes the same bytes for the same seed everywhere, other bytes for another seed, and any range alone', async () => {
      const size = 300_000;
      const one = generatedContent(7, size);
      expect(one.bytes().equals(generatedContent(7, size).bytes())).toBe(true);
      expect(generatedSha256(7, size)).toBe(createHash('sha256').update(one.bytes()).digest('hex'));
      expect(generatedSha256(8, size)).not.toBe(generatedSha256(7, size));
      expect(one.bytes(70_000, 200_000).equals(one.bytes().subarray(70_000, 200_001))).toBe(true);
      expect(generatedSha256(1, 20 * 1024 * 1024)).toBe(GENERATED_20_MIB_SEED_1);

      const site = newJira();
      const { id } = site.attachGeneratedFile({ issueKey: 'DEMO-1', filename: 'big.bin', size, seed: 7 });
      const part = await get(site, `/rest/api/3/attachment/content/${id}?redirect=false`, admin, {
        range: 'bytes=100000-100009',
      });
      expect([part.status, part.bytes.equals(one.bytes(100_000, 100_009))]).toEqual([206, true]);
    });

    it('refuses to attach to an issue or as a person that does not exist', () => {
      const site = newJira();
      expect(() => site.attachGeneratedFile({ issueKey: 'DEMO-99', filename: 'x.bin', size: 1, seed: 1 })).toThrow(
        'There is no issue DEMO-99 to attach x.bin to.',
      );
      expect(() =>
        site.attachGeneratedFile({
          issueKey: 'DEMO-1',
          filename: 'x.bin',
          size: 1,
          seed: 1,
          authorAccountId: 'nobody',
        }),
      ).toThrow('There is no user nobody to attach x.bin as.');
    });
  });

  it.each([
    ['bytes=0-7', 206, 'bytes 0-7/192278', 8],
    ['bytes=192270-', 206, 'bytes 192270-192277/192278', 8],
    ['bytes=-4', 206, 'bytes 192274-192277/192278', 4],
    ['bytes=192278-', 416, undefined, undefined],
    ['pages=1', 400, undefined, undefined],
  ])('Range %s answers %i', async (range, status, contentRange, length) => {
    const answer = await get(jira, '/rest/api/3/attachment/content/10100?redirect=false', admin, { range });
    expect(answer.status).toBe(status);
    expect(answer.headers['content-range']).toBe(contentRange);
    if (length !== undefined) expect(answer.bytes.length).toBe(length);
  });

  it('serves thumbnails for images only', async () => {
    const png = await get(jira, '/rest/api/3/attachment/thumbnail/10100', admin);
    expect([png.status, png.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await get(jira, '/rest/api/3/attachment/thumbnail/10101', admin)).status).toBe(404);
  });

  it.each([
    ['metadata', '/rest/api/3/attachment/10999'],
    ['content', '/rest/api/3/attachment/content/10999'],
    ['a non-numeric id', '/rest/api/3/attachment/abc'],
  ])('answers 404 for unknown %s', async (_what, path) => {
    const answer = await get(jira, path, admin);
    expect(answer.status).toBe(404);
    expect(answer.json<{ errorMessages: string[] }>().errorMessages[0]).toMatch(
      /^The attachment with id '(10999|abc)' does not exist\.$/,
    );
  });

  it('refuses attachments on issues the caller cannot see', async () => {
    const answer = await get(jira, '/rest/api/3/attachment/content/10103', as(CASEY_CUSTOMER));
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({
      errorMessages: ['You do not have permission to view attachment with id: 10103'],
      errors: {},
    });
    expect((await get(jira, '/rest/api/3/attachment/content/10103?redirect=false', as(JORDAN_MEMBER))).status).toBe(
      200,
    );
    expect((await get(jira, '/rest/api/3/attachment/content/10103', as(JORDAN_MEMBER))).status).toBe(303);
  });

  it('answers the attachment settings', async () => {
    expect((await get(jira, '/rest/api/3/attachment/meta', admin)).json()).toEqual({
      enabled: true,
      uploadLimit: 10_485_760,
    });
  });
});
