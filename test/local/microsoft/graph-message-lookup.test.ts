import { type GraphErrorBody, graphGet, postJson, sendMailUrl, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const USER = `/users/${encodeURIComponent(SUPPORT)}`;
const SELECT = 'id,internetMessageId,isDraft,parentFolderId,sentDateTime,subject';
const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Message-IDs the tests give their messages; one has a quote, which the OData literal doubles. */
const IDS = {
  sent: "<o'brien.sent@issue-mailer.example>",
  notKept: '<not-kept@issue-mailer.example>',
  draft: '<draft.open@issue-mailer.example>',
  draftSent: '<draft.sent@issue-mailer.example>',
  twice: '<retried@issue-mailer.example>',
};

type Json = Record<string, unknown>;

const literal = (id: string) => `'${id.replace(/'/g, "''")}'`;
const filterQuery = (id: string, extra = '') =>
  `$filter=${encodeURIComponent(`internetMessageId eq ${literal(id)}`)}&$select=${SELECT}${extra}`;

describe('Microsoft emulator: finding a message by internetMessageId', () => {
  const demo = useDemo();
  const folders: Record<string, string> = {};
  const message = (subject: string, internetMessageId: string) => ({
    subject,
    body: { contentType: 'Text', content: subject },
    toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example' } }],
    internetMessageId,
  });
  const createDraft = async (subject: string, id: string): Promise<string> => {
    const created = await postJson(
      `${demo.emulator.graphBaseUrl}/v1.0${USER}/messages`,
      demo.token,
      message(subject, id),
    );
    expect(created.status).toBe(201);
    return String(((await created.json()) as Json).id);
  };

  beforeAll(async () => {
    for (const folder of ['sentitems', 'drafts'])
      folders[folder] = String(((await (await graphGet(demo, `${USER}/mailFolders/${folder}`)).json()) as Json).id);
    const sendMail = (subject: string, id: string, extra: Json = {}) =>
      postJson(sendMailUrl(demo), demo.token, { message: message(subject, id), ...extra });
    // A minute apart, so newest-first order is plain.
    const steps: (() => Promise<unknown>)[] = [
      async () => expect((await sendMail('DEMO-1: Sent', IDS.sent)).status).toBe(202),
      async () =>
        expect((await sendMail('DEMO-2: Not kept', IDS.notKept, { saveToSentItems: false })).status).toBe(202),
      () => createDraft('DEMO-3: Draft', IDS.draft),
      async () => {
        const toSend = await createDraft('DEMO-4: Draft then sent', IDS.draftSent);
        demo.clock.advanceSeconds(60);
        const sent = await fetch(`${demo.emulator.graphBaseUrl}/v1.0${USER}/messages/${toSend}/send`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${demo.token}` },
        });
        expect(sent.status).toBe(202);
      },
      async () => expect((await sendMail('DEMO-5: First try', IDS.twice)).status).toBe(202),
      async () => expect((await sendMail('DEMO-5: Retry', IDS.twice)).status).toBe(202),
    ];
    for (const step of steps) {
      await step();
      demo.clock.advanceSeconds(60);
    }
  });

  const lookUp = async (path: string, id: string, extra = ''): Promise<Json> => {
    const response = await graphGet(demo, `${USER}${path}?${filterQuery(id, extra)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(ODATA_JSON);
    return (await response.json()) as Json;
  };

  it('finds a sent message in the mailbox, shaped as a Graph message collection with only the selected properties', async () => {
    const body = await lookUp('/messages', IDS.sent);
    expect(body).toEqual({
      '@odata.context': `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users('support%40contoso.onmicrosoft.com')/messages(${SELECT})`,
      value: [
        {
          '@odata.etag': expect.stringMatching(/^W\/"CQAAABYAAAA.+"$/),
          id: demo.emulator.sentMessages(SUPPORT).find((stored) => stored.message.internetMessageId === IDS.sent)?.id,
          sentDateTime: '2030-06-01T12:00:00Z',
          internetMessageId: IDS.sent,
          subject: 'DEMO-1: Sent',
          parentFolderId: folders.sentitems,
          isDraft: false,
        },
      ],
    });
  });

  it.each([
    ['a sent message', '/messages', IDS.sent, [['DEMO-1: Sent', false, 'sentitems']]],
    [
      'a sent message in Sent Items',
      '/mailFolders/sentitems/messages',
      IDS.sent,
      [['DEMO-1: Sent', false, 'sentitems']],
    ],
    ['a sent message, not in Drafts', '/mailFolders/Drafts/messages', IDS.sent, []],
    ['a draft', '/messages', IDS.draft, [['DEMO-3: Draft', true, 'drafts']]],
    ['a draft in Drafts', '/mailFolders/drafts/messages', IDS.draft, [['DEMO-3: Draft', true, 'drafts']]],
    ['a draft, not in Sent Items', '/mailFolders/sentitems/messages', IDS.draft, []],
    [
      'a sent draft, now in Sent Items only',
      '/messages',
      IDS.draftSent,
      [['DEMO-4: Draft then sent', false, 'sentitems']],
    ],
    ['a sent draft, gone from Drafts', '/mailFolders/drafts/messages', IDS.draftSent, []],
    [
      'a message sent twice, newest first',
      '/messages',
      IDS.twice,
      [
        ['DEMO-5: Retry', false, 'sentitems'],
        ['DEMO-5: First try', false, 'sentitems'],
      ],
    ],
    ['a message sent with saveToSentItems false (no copy kept)', '/messages', IDS.notKept, []],
    ['an unknown Message-ID', '/messages', '<nobody@issue-mailer.example>', []],
    ['nothing in the Inbox', '/mailFolders/inbox/messages', IDS.sent, []],
  ] as const)('finds %s', async (_name, path, id, expected) => {
    const body = await lookUp(path, id);
    const found = (body.value as Json[]).map((item) => [item.subject, item.isDraft, item.parentFolderId]);
    expect(found).toEqual(expected.map(([subject, isDraft, folder]) => [subject, isDraft, folders[folder]]));
  });

  it('reads the query as URLSearchParams writes it (spaces as +)', async () => {
    const query = new URLSearchParams({
      $filter: `internetMessageId eq ${literal(IDS.sent)}`,
      $select: 'id,isDraft',
      $top: '5',
    });
    expect(query.toString()).toContain('+eq+');
    const response = await graphGet(demo, `${USER}/messages?${query.toString()}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { value: Json[] }).value.map((item) => Object.keys(item))).toEqual([
      ['@odata.etag', 'id', 'isDraft'],
    ]);
  });

  it('gives a draft no sentDateTime', async () => {
    const [draft] = (await lookUp('/messages', IDS.draft)).value as Json[];
    expect(draft).toMatchObject({ isDraft: true, sentDateTime: null, parentFolderId: folders.drafts });
  });

  it('pages the matches with $top, keeping the filter in @odata.nextLink', async () => {
    const first = await lookUp('/messages', IDS.twice, '&$top=1');
    expect((first.value as Json[]).map((item) => item.subject)).toEqual(['DEMO-5: Retry']);
    const next = new URL(String(first['@odata.nextLink']));
    expect(Object.fromEntries(next.searchParams)).toEqual({
      $filter: `internetMessageId eq '${IDS.twice}'`,
      $select: SELECT,
      $top: '1',
      $skip: '1',
    });
    const second = (await (await fetch(next, { headers: { Authorization: `Bearer ${demo.token}` } })).json()) as Json;
    expect((second.value as Json[]).map((item) => item.subject)).toEqual(['DEMO-5: First try']);
    expect('@odata.nextLink' in second).toBe(false);
  });

  it('lists drafts in Drafts and in the mailbox without a filter', async () => {
    const drafts = (await (
      await graphGet(demo, `${USER}/mailFolders/drafts/messages?$select=subject,isDraft`)
    ).json()) as Json;
    expect((drafts.value as Json[]).map((item) => [item.subject, item.isDraft])).toEqual([['DEMO-3: Draft', true]]);
    const folder = (await (await graphGet(demo, `${USER}/mailFolders/drafts?$select=totalItemCount`)).json()) as Json;
    expect(folder.totalItemCount).toBe(1);
    const all = (await (await graphGet(demo, `${USER}/messages?$select=subject`)).json()) as Json;
    expect((all.value as Json[]).map((item) => item.subject)).toEqual([
      'DEMO-5: Retry',
      'DEMO-5: First try',
      'DEMO-4: Draft then sent',
      'DEMO-3: Draft',
      'DEMO-1: Sent',
    ]);
  });

  it.each([
    ['another property', 'isRead eq false'],
    ['another operator', `internetMessageId ne '${IDS.sent}'`],
    ['a combined filter', `internetMessageId eq '${IDS.sent}' and isDraft eq false`],
    ['an unterminated literal', "internetMessageId eq '<a@b"],
    ['a quote not doubled', "internetMessageId eq '<o'brien@b>'"],
    ['a second $filter', `internetMessageId eq '${IDS.sent}'&$filter=isRead eq true`],
  ])('answers %s in $filter as it answers every filter it does not evaluate', async (_name, filter) => {
    const query = filter
      .split('&')
      .map((part, index) =>
        index === 0
          ? `$filter=${encodeURIComponent(part)}`
          : part.replace(/=(.*)$/, (_all, value: string) => `=${encodeURIComponent(value)}`),
      )
      .join('&');
    const response = await graphGet(demo, `${USER}/messages?${query}`);
    expect(response.status).toBe(501);
    const body = (await response.json()) as GraphErrorBody;
    expect([body.error.code, body.error.message]).toEqual([
      'NotImplemented',
      'The local Microsoft Graph emulator does not implement GET /v1.0/users/support%40contoso.onmicrosoft.com/messages?$filter.',
    ]);
  });
});
