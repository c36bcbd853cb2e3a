import { inflateSync } from 'node:zlib';

import { ALEX_ADMIN, CASEY_CUSTOMER, JORDAN_MEMBER, SAM_AGENT } from '../../../local/jira';
import { type AttachmentAnswer, pngChunks, SEEDED, THREE_MB, zipEntries } from './attachments-fixtures';
import { APP, as, get, newJira, SITE } from './helpers';

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
        mediaApiFileId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      });
      const field = (await get(jira, `/rest/api/3/issue/${issue}?fields=attachment`, admin))
        .json<{ fields: { attachment: AttachmentAnswer[] } }>()
        .fields.attachment.find((entry) => entry.id === id);
      // The field's Attachment beans have no media id; AttachmentMetadata has.
      const { mediaApiFileId: _mediaId, ...attachmentBean } = metadata;
      expect(field).toEqual({ ...attachmentBean, id });

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
