import { createHash } from 'node:crypto';

import { ALEX_ADMIN, CASEY_CUSTOMER, createJiraEmulator, generatedContent, generatedSha256 } from '../../../local/jira';
import { MEDIA_TOKEN_SECONDS } from '../../../local/jira/media-links';
import { type AttachmentAnswer, GENERATED_20_MIB_SEED_1 } from './attachments-fixtures';
import { ANONYMOUS, as, get, newJira, NOW, SITE } from './helpers';

describe('attachments', () => {
  const jira = newJira();
  const admin = as(ALEX_ADMIN);

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
});
