import { uploadAttachment } from '../../../src/jira/attachment-upload';
import { JiraErrorCode } from '../../../src/jira/errors';
import { fakeJira } from '../support/fake-jira';

const FILE = { name: 'logo.png', contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]) };

const ANSWER = [
  {
    self: 'https://example.atlassian.net/rest/api/3/attachments/10100',
    id: '10100',
    filename: 'logo.png',
    created: '2025-03-08T10:00:00.000+0000',
    size: 6,
    mimeType: 'image/png',
    content: 'https://example.atlassian.net/rest/api/3/attachment/content/10100',
  },
];

describe('uploadAttachment', () => {
  it('posts the file as multipart/form-data part "file" with X-Atlassian-Token: no-check', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: ANSWER }));
    await expect(uploadAttachment('DEMO-1', FILE, requestJira)).resolves.toEqual({
      id: '10100',
      filename: 'logo.png',
      size: 6,
      mimeType: 'image/png',
    });
    expect(calls[0]?.path).toBe('/rest/api/3/issue/DEMO-1/attachments');
    const init = calls[0]?.init;
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'X-Atlassian-Token': 'no-check', Accept: 'application/json' });
    const contentType = (init?.headers as Record<string, string>)['Content-Type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    // Read back as a server would.
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: init?.body as ArrayBuffer,
    }).formData();
    const part = form.get('file') as File;
    expect(part.name).toBe('logo.png');
    expect(part.type).toBe('image/png');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(FILE.bytes);
  });

  it('keeps mediaApiFileId when Jira gives it', async () => {
    const { requestJira } = fakeJira(() => ({
      status: 200,
      body: [{ ...ANSWER[0], mediaApiFileId: '5f3c1a2b-0000-4000-8000-000000000001' }],
    }));
    await expect(uploadAttachment('DEMO-1', FILE, requestJira)).resolves.toMatchObject({
      mediaApiFileId: '5f3c1a2b-0000-4000-8000-000000000001',
    });
  });

  it.each([
    [404, JiraErrorCode.IssueNotFound],
    [403, JiraErrorCode.Forbidden],
    [413, JiraErrorCode.AttachmentTooLarge],
    [500, JiraErrorCode.RequestFailed],
  ])('maps %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: { errorMessages: ['no'] } }));
    await expect(uploadAttachment('DEMO-1', FILE, requestJira)).rejects.toMatchObject({ code, status });
  });

  it.each([
    ['no JSON', 'oops'],
    ['no attachment', []],
    ['another shape', [{ id: 10100 }]],
  ])('is JIRA_RESPONSE_INVALID for an answer with %s', async (_case, body) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body }));
    await expect(uploadAttachment('DEMO-1', FILE, requestJira)).rejects.toMatchObject({
      code: JiraErrorCode.ResponseInvalid,
    });
  });

  it('is JIRA_REQUEST_FAILED when Jira does not answer', async () => {
    const { requestJira } = fakeJira(() => new Error('socket hang up'));
    await expect(uploadAttachment('DEMO-1', FILE, requestJira)).rejects.toMatchObject({
      code: JiraErrorCode.RequestFailed,
    });
  });
});
