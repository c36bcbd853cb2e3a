import {
  type Demo,
  demoConfig,
  getToken,
  type GraphErrorBody,
  postJson,
  sendMailUrl,
  startDemo,
  useDemo,
} from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const EXCHANGE_ID = /^AAMkAG[A-Za-z0-9_-]+=?$/;

const DEFAULT_PROPERTIES = [
  '@odata.etag',
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
];

type Json = Record<string, unknown>;

const get = (demo: Demo, path: string, token: string): Promise<Response> =>
  fetch(`${demo.emulator.graphBaseUrl}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}` } });

const json = async (response: Response, status = 200): Promise<Json> => {
  expect(response.status).toBe(status);
  if (status === 200) expect(response.headers.get('content-type')).toBe(ODATA_JSON);
  return (await response.json()) as Json;
};

const expectGraphError = async (response: Response, status: number, code: string, message: string): Promise<void> => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as GraphErrorBody;
  expect([body.error.code, body.error.message]).toEqual([code, message]);
};

/** The demo tenant with the demo app's permissions replaced. */
const demoWithPermissions = async (permissions: string[]): Promise<Demo> => {
  const config = demoConfig();
  const app = config.tenants[0]?.apps[0];
  if (app === undefined) throw new Error('demo config changed');
  app.applicationPermissions = permissions;
  return startDemo(config);
};

describe('Microsoft emulator Graph mailbox reads', () => {
  const demo = useDemo();
  const user = `/users/${encodeURIComponent(SUPPORT)}`;
  const context = (path: string) =>
    `${demo.emulator.graphBaseUrl}/v1.0/$metadata#users('support%40contoso.onmicrosoft.com')${path}`;

  beforeAll(async () => {
    const send = (subject: string, extra: Json = {}) =>
      postJson(sendMailUrl(demo), demo.token, {
        message: {
          subject,
          body: { contentType: 'HTML', content: `<p>Issue <b>${subject}</b> &amp; more</p>` },
          toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex Wilber' } }],
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'SGk=' }],
        },
        ...extra,
      });
    for (const [subject, extra] of [
      ['DEMO-1', {}],
      ['DEMO-2', { saveToSentItems: false }],
      ['DEMO-3', {}],
    ] as const) {
      expect((await send(subject, extra)).status).toBe(202);
      demo.clock.advanceSeconds(60);
    }
  });

  describe('GET /users/{id}/mailFolders/{folder}', () => {
    it('returns Sent Items with the messages sendMail kept', async () => {
      const body = await json(await get(demo, `${user}/mailFolders/sentitems`, demo.token));
      expect(Object.keys(body)).toEqual([
        '@odata.context',
        'id',
        'displayName',
        'parentFolderId',
        'childFolderCount',
        'unreadItemCount',
        'totalItemCount',
        'sizeInBytes',
        'isHidden',
      ]);
      expect(body).toMatchObject({
        '@odata.context': context('/mailFolders/$entity'),
        displayName: 'Sent Items',
        childFolderCount: 0,
        unreadItemCount: 0,
        totalItemCount: 2,
        isHidden: false,
      });
      expect(body.id).toMatch(EXCHANGE_ID);
      expect(body.sizeInBytes).toBeGreaterThan(0);
    });

    it.each(['inbox', 'Inbox', 'INBOX'])('returns an empty Inbox for the well-known name %s', async (name) => {
      const body = await json(await get(demo, `${user}/mailFolders/${name}`, demo.token));
      expect(body).toMatchObject({ displayName: 'Inbox', totalItemCount: 0, sizeInBytes: 0 });
    });

    it('finds a folder by its id, by user id as well as by UPN, and names its parent', async () => {
      const drafts = await json(await get(demo, `${user}/mailFolders/drafts`, demo.token));
      const byId = await json(
        await get(demo, `/users/8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63/mailFolders/${String(drafts.id)}`, demo.token),
      );
      expect(byId).toMatchObject({ id: drafts.id, displayName: 'Drafts' });
      const root = await json(await get(demo, `${user}/mailFolders/msgfolderroot`, demo.token));
      expect(root).toMatchObject({
        displayName: 'Top of Information Store',
        id: drafts.parentFolderId,
        childFolderCount: 7,
      });
    });

    it('honours $select, keeping id', async () => {
      const body = await json(
        await get(demo, `${user}/mailFolders/sentitems?$select=totalItemCount,DisplayName`, demo.token),
      );
      expect(Object.keys(body)).toEqual(['@odata.context', 'id', 'displayName', 'totalItemCount']);
      expect(body['@odata.context']).toBe(context('/mailFolders(totalItemCount,displayName)/$entity'));
    });

    it.each([
      [
        'an unknown folder id',
        'AAMkAGnotAFolderOfThisMailbox',
        404,
        'ErrorItemNotFound',
        'The specified object was not found in the store.',
      ],
      ['a value that is no folder id', 'bogus', 400, 'ErrorInvalidIdMalformed', 'Id is malformed.'],
    ])('answers %s', async (_name, folder, status, code, message) => {
      await expectGraphError(await get(demo, `${user}/mailFolders/${folder}`, demo.token), status, code, message);
    });

    it('answers a $select of an unknown property as Graph does', async () => {
      await expectGraphError(
        await get(demo, `${user}/mailFolders/inbox?$select=colour`, demo.token),
        400,
        'RequestBroker--ParseUri',
        "Could not find a property named 'colour' on type 'microsoft.graph.mailFolder'.",
      );
    });
  });

  describe('GET /users/{id}/messages and /mailFolders/{folder}/messages', () => {
    it('lists kept messages newest first, shaped as Graph messages', async () => {
      const body = await json(await get(demo, `${user}/messages`, demo.token));
      expect(Object.keys(body)).toEqual(['@odata.context', 'value']);
      expect(body['@odata.context']).toBe(context('/messages'));
      const value = body.value as Json[];
      expect(value.map((message) => message.subject)).toEqual(['DEMO-3', 'DEMO-1']);
      const [newest] = value as [Json];
      expect(Object.keys(newest)).toEqual(DEFAULT_PROPERTIES);
      const sentItems = await json(await get(demo, `${user}/mailFolders/sentitems`, demo.token));
      expect(newest).toMatchObject({
        '@odata.etag': `W/"${String(newest.changeKey)}"`,
        createdDateTime: '2030-06-01T12:02:00Z',
        receivedDateTime: '2030-06-01T12:02:00Z',
        sentDateTime: '2030-06-01T12:02:00Z',
        categories: [],
        hasAttachments: true,
        subject: 'DEMO-3',
        bodyPreview: 'Issue DEMO-3 & more',
        importance: 'normal',
        parentFolderId: sentItems.id,
        isRead: true,
        isDraft: false,
        inferenceClassification: 'focused',
        body: { contentType: 'html', content: '<p>Issue <b>DEMO-3</b> &amp; more</p>' },
        sender: { emailAddress: { name: 'Contoso Support', address: SUPPORT } },
        from: { emailAddress: { name: 'Contoso Support', address: SUPPORT } },
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex Wilber' } }],
        ccRecipients: [],
        bccRecipients: [],
        replyTo: [],
        flag: { flagStatus: 'notFlagged' },
      });
      expect(newest.id).toBe(demo.emulator.sentMessages(SUPPORT).at(-1)?.id);
      expect(newest.internetMessageId).toMatch(/^<[0-9A-F]{32}@contoso\.onmicrosoft\.com>$/);
    });

    it('lists the same messages in Sent Items and none in the Inbox', async () => {
      const sent = await json(await get(demo, `${user}/mailFolders/SentItems/messages?$select=subject`, demo.token));
      expect(sent['@odata.context']).toBe(context("/mailFolders('SentItems')/messages(subject)"));
      expect((sent.value as Json[]).map((message) => message.subject)).toEqual(['DEMO-3', 'DEMO-1']);
      const inbox = await json(await get(demo, `${user}/mailFolders/inbox/messages`, demo.token));
      expect(inbox.value).toEqual([]);
    });

    it('honours $select with the etag and id always present', async () => {
      const body = await json(
        await get(demo, `${user}/messages?$select=from,subject,internetMessageHeaders`, demo.token),
      );
      expect(body['@odata.context']).toBe(context('/messages(from,subject,internetMessageHeaders)'));
      expect((body.value as Json[]).map((message) => Object.keys(message))).toEqual([
        ['@odata.etag', 'id', 'subject', 'from', 'internetMessageHeaders'],
        ['@odata.etag', 'id', 'subject', 'from', 'internetMessageHeaders'],
      ]);
    });

    it('pages with $top and follows @odata.nextLink', async () => {
      const first = await json(await get(demo, `${user}/messages?$top=1&$select=subject`, demo.token));
      expect((first.value as Json[]).map((message) => message.subject)).toEqual(['DEMO-3']);
      const next = String(first['@odata.nextLink']);
      expect(next).toBe(
        `${demo.emulator.graphBaseUrl}/v1.0/users/support%40contoso.onmicrosoft.com/messages?%24select=subject&%24top=1&%24skip=1`,
      );
      const second = await json(await fetch(next, { headers: { Authorization: `Bearer ${demo.token}` } }));
      expect((second.value as Json[]).map((message) => message.subject)).toEqual(['DEMO-1']);
      expect('@odata.nextLink' in second).toBe(false);
    });

    it('answers $top=0 with an empty page and no next link', async () => {
      expect(await json(await get(demo, `${user}/messages?$top=0`, demo.token))).toEqual({
        '@odata.context': context('/messages'),
        value: [],
      });
    });

    it.each([
      [
        '$top=abc',
        400,
        'BadRequest',
        "Invalid value 'abc' for $top query option found. The $top query option requires a non-negative integer value.",
      ],
      [
        '$skip=-1',
        400,
        'BadRequest',
        "Invalid value '-1' for $skip query option found. The $skip query option requires a non-negative integer value.",
      ],
      [
        '$select=subject,colour',
        400,
        'RequestBroker--ParseUri',
        "Could not find a property named 'colour' on type 'microsoft.graph.message'.",
      ],
      [
        '$filter=isRead eq false',
        501,
        'NotImplemented',
        'The local Microsoft Graph emulator does not implement GET /v1.0/users/support%40contoso.onmicrosoft.com/messages?$filter.',
      ],
    ])('answers ?%s', async (query, status, code, message) => {
      await expectGraphError(await get(demo, `${user}/messages?${query}`, demo.token), status, code, message);
    });
  });

  describe('refusals', () => {
    it.each([
      [
        'an unknown user',
        '/users/nobody@contoso.onmicrosoft.com/messages',
        404,
        'ErrorInvalidUser',
        "The requested user 'nobody@contoso.onmicrosoft.com' is invalid.",
      ],
      [
        'a mailbox not enabled for REST',
        '/users/noreply@contoso.onmicrosoft.com/mailFolders/inbox',
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      ],
    ])('answers %s as sendMail does', async (_name, path, status, code, message) => {
      await expectGraphError(await get(demo, path, demo.token), status, code, message);
    });

    it('answers a token without any role with 403 ErrorAccessDenied', async () => {
      await expectGraphError(
        await get(demo, `${user}/messages`, await getToken(demo, demo.unconsentedApp)),
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
      );
    });

    // move is offered since inbound mail (graph-inbound-messages.test.ts); copy is not.
    it('answers other mail writes the emulator does not offer with 501', async () => {
      const response = await postJson(`${demo.emulator.graphBaseUrl}/v1.0${user}/messages/AAMkAGx/copy`, demo.token, {
        destinationId: 'inbox',
      });
      expect(response.status).toBe(501);
    });
  });
});

describe('Microsoft emulator Graph mailbox reads: permissions', () => {
  it.each([
    [['Mail.Send', 'User.Read.All'], 403],
    [['Mail.Read'], 200],
    [['Mail.ReadWrite'], 200],
  ])('with application permissions %j answers %i', async (permissions, status) => {
    const demo = await demoWithPermissions(permissions);
    try {
      const response = await get(demo, `/users/${SUPPORT}/mailFolders/inbox`, await getToken(demo));
      expect(response.status).toBe(status);
      if (status === 403) {
        const body = (await response.json()) as GraphErrorBody;
        expect([body.error.code, body.error.message]).toEqual([
          'ErrorAccessDenied',
          'Access is denied. Check credentials and try again.',
        ]);
      }
    } finally {
      await demo.emulator.close();
    }
  });
});
