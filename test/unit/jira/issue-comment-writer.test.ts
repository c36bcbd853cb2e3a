import { addEmailComment, describeRecipients, emailCommentDocument } from '../../../src/jira/issue-comment-writer';
import { fakeJira } from '../support/fake-jira';
import { REFUSALS } from './jira-answers';

const SENDER = '712020:8c2e4f6a-1b3d-4e5f-9a7b-0c1d2e3f4a5b';

const paragraph = (doc: ReturnType<typeof emailCommentDocument>) => doc.content[0]?.content;

describe('describeRecipients', () => {
  it.each([
    [['a@x.com'], [], 'a@x.com'],
    [['a@x.com', 'b@y.com'], ['c@z.com'], 'a@x.com, b@y.com, c@z.com'],
    [['Jane Doe <jane@x.com>', 'JANE@x.com'], ['jane@X.com'], 'jane@x.com'],
    [['1@x.com', '2@x.com', '3@x.com', '4@x.com', '5@x.com'], [], '1@x.com, 2@x.com, 3@x.com, 4@x.com, 5@x.com'],
    [
      ['1@x.com', '2@x.com', '3@x.com'],
      ['4@x.com', '5@x.com', '6@x.com', '7@x.com', '8@x.com'],
      '1@x.com, 2@x.com, 3@x.com, 4@x.com, 5@x.com (and 3 more)',
    ],
  ])('To %j and Cc %j read "%s"', (to, cc, text) => {
    expect(describeRecipients(to, cc)).toBe(text);
  });
});

describe('emailCommentDocument', () => {
  it('says who it went to, mentions the sender and quotes the subject', () => {
    expect(
      emailCommentDocument({
        senderAccountId: SENDER,
        senderName: 'Sam Rivera',
        to: ['a@x.com', 'b@y.com'],
        cc: [],
        subject: ' [DEMO-1] Outlook ',
      }),
    ).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Emailed to a@x.com, b@y.com by ' },
            { type: 'mention', attrs: { id: SENDER, text: '@Sam Rivera', accessLevel: '' } },
            { type: 'text', text: ': [DEMO-1] Outlook' },
          ],
        },
      ],
    });
  });

  it('mentions by account id alone when the name is not known, and leaves out an empty subject', () => {
    expect(
      paragraph(emailCommentDocument({ senderAccountId: SENDER, to: ['a@x.com'], cc: [], subject: '  ' })),
    ).toEqual([
      { type: 'text', text: 'Emailed to a@x.com by ' },
      { type: 'mention', attrs: { id: SENDER, accessLevel: '' } },
    ]);
  });
});

describe('addEmailComment', () => {
  const NOTE = {
    senderAccountId: SENDER,
    senderName: 'Sam Rivera',
    to: ['a@x.com'],
    cc: ['b@y.com'],
    subject: 'Hello',
  };

  it("POSTs the ADF comment and answers the new comment's id; Bcc has no place in it", async () => {
    const { requestJira, calls } = fakeJira(() => ({
      status: 201,
      body: { id: '10210', self: 'https://example.atlassian.net/rest/api/3/issue/10001/comment/10210' },
    }));
    await expect(
      addEmailComment('DEMO-1', { ...NOTE, bcc: ['secret@z.com'] } as typeof NOTE, requestJira),
    ).resolves.toBe('10210');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe('/rest/api/3/issue/DEMO-1/comment');
    expect(calls[0]?.init).toEqual({
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: emailCommentDocument(NOTE) }),
    });
    expect(calls[0]?.init?.body as string).not.toContain('secret@z.com');
  });

  it.each([
    ...REFUSALS,
    [404, 'JIRA_ISSUE_NOT_FOUND'] as const,
    [400, 'JIRA_REQUEST_FAILED'] as const,
    [200, 'JIRA_REQUEST_FAILED'] as const,
  ])('maps status %i to %s', async (status, code) => {
    const { requestJira } = fakeJira(() => ({ status, body: { id: '1' } }));
    await expect(addEmailComment('DEMO-1', NOTE, requestJira)).rejects.toMatchObject({
      code,
      status,
      message: `POST /rest/api/3/issue/DEMO-1/comment answered ${status}.`,
    });
  });

  it('names the offending field of the answer, and refuses a body that is not JSON', async () => {
    const bad = fakeJira(() => ({ status: 201, body: { id: 10210 } }));
    await expect(addEmailComment('DEMO-1', NOTE, bad.requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      status: 201,
      message:
        'POST /rest/api/3/issue/DEMO-1/comment answered an unexpected body: id: Invalid input: expected string, received number',
    });
    const html = fakeJira(() => ({ status: 201, body: '<html>' }));
    await expect(addEmailComment('DEMO-1', NOTE, html.requestJira)).rejects.toMatchObject({
      code: 'JIRA_RESPONSE_INVALID',
      message: 'POST /rest/api/3/issue/DEMO-1/comment answered 201 without a JSON body.',
    });
  });

  it('answers JIRA_REQUEST_FAILED when the call throws, and makes no call for a malformed key', async () => {
    const cause = new Error('down');
    await expect(addEmailComment('DEMO-1', NOTE, fakeJira(() => cause).requestJira)).rejects.toMatchObject({
      code: 'JIRA_REQUEST_FAILED',
      cause,
      message: 'POST /rest/api/3/issue/DEMO-1/comment failed: no answer from Jira.',
    });
    const { requestJira, calls } = fakeJira(() => ({ status: 201, body: { id: '1' } }));
    await expect(addEmailComment('DEMO-1?x', NOTE, requestJira)).rejects.toMatchObject({
      code: 'JIRA_ISSUE_NOT_FOUND',
    });
    expect(calls).toHaveLength(0);
  });
});
