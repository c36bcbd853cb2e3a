import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import type { GraphActor, GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import { mailboxUrl } from '../../../../../src/providers/microsoft/graph/inbound-request';
import { sendMail, userPath } from '../../../../../src/providers/microsoft/graph/mail-client';
import { createDraft, sendDraft } from '../../../../../src/providers/microsoft/graph/message-drafts';
import { findMessageByInternetMessageId } from '../../../../../src/providers/microsoft/graph/message-lookup';
import { createUploadSession } from '../../../../../src/providers/microsoft/graph/upload-session';
import { answersInOrder, empty, GRAPH, graphError, json, staticToken, USER } from './graph-fakes';

const MAILBOX = 'support@contoso.com';
const ME = `${GRAPH}/me`;

const deps = (fetch: GraphClientDeps['fetch'], actingAs?: GraphActor): GraphClientDeps => ({
  fetch,
  tokenProvider: staticToken(),
  graphBaseUrl: GRAPH,
  env: {},
  sleep: async () => undefined,
  newClientRequestId: () => 'crid-1',
  ...(actingAs === undefined ? {} : { actingAs }),
});

const message = { subject: 'Hi', html: '<p>Hi</p>', to: ['ada@example.com'] };
const draft = { id: 'AAMkAGd', internetMessageId: '<e1@contoso.com>', conversationId: 'c', isDraft: true };
const session = {
  uploadUrl: 'https://outlook.office.com/api/v2.0/upload?x=1',
  expirationDateTime: '2030-06-01T13:00:00Z',
};
const attachment = { name: 'big.bin', contentType: 'application/octet-stream', bytes: new Uint8Array(5) };

describe('Graph mail paths by whose token the client holds', () => {
  it.each([
    { actingAs: undefined, base: USER },
    { actingAs: 'app' as const, base: USER },
    { actingAs: 'signed-in-user' as const, base: ME },
  ])('names the mailbox as $base when acting as $actingAs', ({ actingAs, base }) => {
    const client = deps(answersInOrder([]).fetch, actingAs);
    expect(userPath(client, MAILBOX)).toBe(base);
    expect(mailboxUrl(client, MAILBOX)).toBe(base);
  });

  it.each([
    {
      call: 'sendMail',
      run: (client: GraphClientDeps) => sendMail({ mailbox: MAILBOX, message, saveToSentItems: true }, client),
      answer: () => empty(202),
      url: `${ME}/sendMail`,
    },
    {
      call: 'createDraft',
      run: (client: GraphClientDeps) => createDraft(MAILBOX, message, client),
      answer: () => json(201, draft),
      url: `${ME}/messages`,
    },
    {
      call: 'createUploadSession',
      run: (client: GraphClientDeps) => createUploadSession(MAILBOX, 'AAMkAGd', attachment, client),
      answer: () => json(201, session),
      url: `${ME}/messages/AAMkAGd/attachments/createUploadSession`,
    },
    {
      call: 'sendDraft',
      run: (client: GraphClientDeps) => sendDraft(MAILBOX, 'AAMkAGd', client),
      answer: () => empty(202),
      url: `${ME}/messages/AAMkAGd/send`,
    },
    {
      call: 'findMessageByInternetMessageId',
      run: (client: GraphClientDeps) => findMessageByInternetMessageId(MAILBOX, '<e1@contoso.com>', client),
      answer: () => json(200, { value: [] }),
      url: `${ME}/messages?%24filter=internetMessageId+eq+%27%3Ce1%40contoso.com%3E%27&%24select=id%2CisDraft&%24top=5`,
    },
  ])('$call goes to /me as the signed-in user', async ({ run, answer, url }) => {
    const { fetch, requests } = answersInOrder([answer()]);
    await run(deps(fetch, 'signed-in-user'));
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `${url.includes('?') ? 'GET' : 'POST'} ${url}`,
    ]);
  });

  it('says method and /me URL when Graph refuses a signed-in call', async () => {
    const { fetch } = answersInOrder([graphError(403, 'ErrorAccessDenied')]);
    const error = await sendMail(
      { mailbox: MAILBOX, message, saveToSentItems: true },
      deps(fetch, 'signed-in-user'),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).message).toMatch(/^POST graph\.microsoft\.com\/v1\.0\/me\/sendMail answered 403/);
  });
});
