import type { RequestInit, Route } from '@forge/api';
import { downloadAttachment, listIssueAttachments } from '../../../src/jira/issue-attachments';
import type { JiraResponse, RequestJira } from '../../../src/jira/jira-client';
import { fakeJira } from '../support/fake-jira';
import { REFUSALS } from './jira-answers';

const attachment = (id: string, filename: string, size: number, mimeType: string) => ({
  self: `https://example.atlassian.net/rest/api/3/attachment/${id}`,
  id,
  filename,
  author: { accountId: 'a1', displayName: 'Ada Lovelace' },
  created: '2025-03-03T23:40:52.000+0000',
  size,
  mimeType,
  content: `https://example.atlassian.net/rest/api/3/attachment/content/${id}`,
});

/** requestJira answering binary bodies, as @forge/api's APIResponse does after following the media redirect. */
const bytesJira = (answer: () => { status: number; bytes?: Uint8Array; noArrayBuffer?: boolean; readFails?: Error } | Error) => {
  const calls: { path: string; init: RequestInit | undefined }[] = [];
  const requestJira: RequestJira = async (route: Route, init?: RequestInit): Promise<JiraResponse> => {
    calls.push({ path: route.value, init });
    const result = answer();
    if (result instanceof Error) throw result;
    const bytes = result.bytes ?? new Uint8Array();
    return {
      status: result.status,
      text: async () => Buffer.from(bytes).toString('latin1'),
      ...(result.noArrayBuffer
        ? {}
        : {
            arrayBuffer: async () => {
              if (result.readFails) throw result.readFails;
              return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
            },
          }),
    };
  };
  return { requestJira, calls };
};

describe('listIssueAttachments', () => {
  it('reads only the attachment field and maps id, filename, size and type', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: {
        id: '10001',
        key: 'DEMO-1',
        fields: { attachment: [attachment('10100', 'shot.png', 192_278, 'image/png'), attachment('10101', 'sync.log', 48_010, 'text/plain')] },
      },
    }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).resolves.toEqual([
      { id: '10100', filename: 'shot.png', size: 192_278, mimeType: 'image/png' },
      { id: '10101', filename: 'sync.log', size: 48_010, mimeType: 'text/plain' },
    ]);
    expect(calls.map((call) => call.path)).toEqual(['/rest/api/3/issue/DEMO-1?fields=attachment']);
  });

  it.each([[{ attachment: [] }], [{ attachment: null }], [{}]])('answers no attachments for fields %j', async (fields) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { fields } }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).resolves.toEqual([]);
  });

  it.each([...REFUSALS, [404, 'JIRA_ISSUE_NOT_FOUND'] as const])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).rejects.toMatchObject({ code, status, message: `GET /rest/api/3/issue/DEMO-1 answered ${status}.` });
  });

  it.each([
    [{ attachment: [{ ...attachment('1', 'a', 1, 'text/plain'), size: '1' }] }, 'fields.attachment.0.size: Invalid input: expected number, received string'],
    [{ attachment: [{ ...attachment('1', 'a', 1, 'text/plain'), filename: undefined }] }, 'fields.attachment.0.filename: Invalid input: expected string, received undefined'],
    [{ attachment: [{ ...attachment('1', 'a', 1, 'text/plain'), size: -1 }] }, 'fields.attachment.0.size: Too small: expected number to be >=0'],
  ])('names the offending field', async (fields, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { fields } }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/issue/DEMO-1 answered an unexpected body: ${detail}`,
    });
  });
});

describe('downloadAttachment', () => {
  const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);

  it('GETs the content as the given actor and answers the exact bytes', async () => {
    const { requestJira, calls } = bytesJira(() => ({ status: 200, bytes: BYTES }));
    const bytes = await downloadAttachment('10100', 7, requestJira);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...BYTES]);
    expect(calls).toEqual([{ path: '/rest/api/3/attachment/content/10100', init: { method: 'GET', headers: { Accept: '*/*' } } }]);
  });

  it.each([
    [6, 'GET /rest/api/3/attachment/content/10100 answered 7 bytes; the attachment has 6.'],
    [8, 'GET /rest/api/3/attachment/content/10100 answered 7 bytes; the attachment has 8.'],
  ])('refuses a byte count other than the expected %i', async (expected, message) => {
    const { requestJira } = bytesJira(() => ({ status: 200, bytes: BYTES }));
    await expect(downloadAttachment('10100', expected, requestJira)).rejects.toMatchObject({ code: 'JIRA_RESPONSE_INVALID', status: 200, message });
  });

  it.each([...REFUSALS, [404, 'JIRA_REQUEST_FAILED'] as const, [303, 'JIRA_REQUEST_FAILED'] as const])('maps status %i to %s', async (status, code) => {
    const { requestJira } = bytesJira(() => ({ status }));
    await expect(downloadAttachment('10100', 7, requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/attachment/content/10100 answered ${status}.`,
    });
  });

  it('answers JIRA_REQUEST_FAILED when the call throws, when the body cannot be read as bytes, or reading fails', async () => {
    const cause = new Error('socket hang up');
    await expect(downloadAttachment('10100', 7, bytesJira(() => cause).requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      cause,
      message: 'GET /rest/api/3/attachment/content/10100 failed: no answer from Jira.',
    });
    await expect(downloadAttachment('10100', 7, bytesJira(() => ({ status: 200, bytes: BYTES, noArrayBuffer: true })).requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      message: 'GET /rest/api/3/attachment/content/10100 answered 200, but its body cannot be read as bytes.',
    });
    await expect(downloadAttachment('10100', 7, bytesJira(() => ({ status: 200, bytes: BYTES, readFails: cause })).requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      cause,
      message: 'GET /rest/api/3/attachment/content/10100 answered 200, but reading its body failed.',
    });
  });

  it.each([['abc'], ['10100/../1'], [''], ['1234567890123456789']])('does not call Jira for the id %j', async (id) => {
    const { requestJira, calls } = bytesJira(() => ({ status: 200, bytes: BYTES }));
    await expect(downloadAttachment(id, 7, requestJira)).rejects.toMatchObject({ code: 'JIRA_REQUEST_FAILED', message: 'Not a Jira attachment id; no request made.' });
    expect(calls).toHaveLength(0);
  });
});
