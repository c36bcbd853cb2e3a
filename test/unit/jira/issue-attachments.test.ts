import { listIssueAttachments } from '../../../src/jira/issue-attachments';
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

describe('listIssueAttachments', () => {
  it('reads only the attachment field and maps id, filename, size and type', async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 200,
      body: {
        id: '10001',
        key: 'DEMO-1',
        fields: {
          attachment: [
            attachment('10100', 'shot.png', 192_278, 'image/png'),
            attachment('10101', 'sync.log', 48_010, 'text/plain'),
          ],
        },
      },
    }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).resolves.toEqual([
      { id: '10100', filename: 'shot.png', size: 192_278, mimeType: 'image/png' },
      { id: '10101', filename: 'sync.log', size: 48_010, mimeType: 'text/plain' },
    ]);
    expect(calls.map((call) => call.path)).toEqual(['/rest/api/3/issue/DEMO-1?fields=attachment']);
  });

  it.each([[{ attachment: [] }], [{ attachment: null }], [{}]])(
    'answers no attachments for fields %j',
    async (fields) => {
      const { requestJira } = fakeJira(() => ({ status: 200, body: { fields } }));
      await expect(listIssueAttachments('DEMO-1', requestJira)).resolves.toEqual([]);
    },
  );

  it.each([...REFUSALS, [404, 'JIRA_ISSUE_NOT_FOUND'] as const])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: {} }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `GET /rest/api/3/issue/DEMO-1 answered ${status}.`,
    });
  });

  it.each([
    [
      { attachment: [{ ...attachment('1', 'a', 1, 'text/plain'), size: '1' }] },
      'fields.attachment.0.size: Invalid input: expected number, received string',
    ],
    [
      { attachment: [{ ...attachment('1', 'a', 1, 'text/plain'), filename: undefined }] },
      'fields.attachment.0.filename: Invalid input: expected string, received undefined',
    ],
    [
      { attachment: [{ ...attachment('1', 'a', 1, 'text/plain'), size: -1 }] },
      'fields.attachment.0.size: Too small: expected number to be >=0',
    ],
  ])('names the offending field', async (fields, detail) => {
    const { requestJira } = fakeJira(() => ({ status: 200, body: { fields } }));
    await expect(listIssueAttachments('DEMO-1', requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: `GET /rest/api/3/issue/DEMO-1 answered an unexpected body: ${detail}`,
    });
  });
});
