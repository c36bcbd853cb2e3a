import { JiraErrorCode } from '../../../src/jira/errors';
import { attachmentMediaId, updateIssueDescription } from '../../../src/jira/inline-image-writes';
import { fakeJira } from '../support/fake-jira';

const DOC = { type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [] }] };

describe('attachmentMediaId', () => {
  it("reads mediaApiFileId from the attachment's metadata", async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: { id: 10107, filename: 'box.png', mediaApiFileId: '3c1f0e2a-6d4a-4f8b-9c2e-1a7d5e310103' },
    }));
    await expect(attachmentMediaId('10107', requestJira)).resolves.toBe('3c1f0e2a-6d4a-4f8b-9c2e-1a7d5e310103');
    expect(calls.map((call) => [call.path, call.init?.method])).toEqual([['/rest/api/3/attachment/10107', 'GET']]);
  });

  it('answers undefined when Jira gives none, and refuses an id that is no attachment id', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 200, body: { id: 10107, filename: 'box.png' } }));
    await expect(attachmentMediaId('10107', requestJira)).resolves.toBeUndefined();
    await expect(attachmentMediaId('../issue/DEMO-1', requestJira)).rejects.toMatchObject({
      code: JiraErrorCode.ResponseInvalid,
    });
    expect(calls).toHaveLength(1);
  });

  it('maps a 404 to JIRA_ISSUE_NOT_FOUND', async () => {
    const { requestJira } = fakeJira(() => ({ status: 404, body: {} }));
    await expect(attachmentMediaId('1', requestJira)).rejects.toMatchObject({ code: JiraErrorCode.IssueNotFound });
  });
});

describe('updateIssueDescription', () => {
  it('PUTs only the description and takes the 204', async () => {
    const { requestJira, calls } = fakeJira(() => ({ status: 204, body: '' }));
    await updateIssueDescription('DEMO-7', DOC, requestJira);
    expect(calls[0]?.path).toBe('/rest/api/3/issue/DEMO-7');
    expect(calls[0]?.init?.method).toBe('PUT');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ fields: { description: DOC } });
  });

  it.each([
    [403, JiraErrorCode.Forbidden],
    [404, JiraErrorCode.IssueNotFound],
    [400, JiraErrorCode.RequestFailed],
  ])('a %s is a JiraError %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(updateIssueDescription('DEMO-7', DOC, requestJira)).rejects.toMatchObject({ code });
  });
});
