import type { MailMessage } from '../../../../../src/mail-model/outgoing-message';
import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import type { GraphClientDeps } from '../../../../../src/providers/microsoft/graph/graph-request';
import {
  addAttachment,
  createDraft,
  deleteDraft,
  sendDraft,
} from '../../../../../src/providers/microsoft/graph/message-drafts';
import {
  type Answer,
  answersInOrder,
  empty,
  fakeTime,
  GRAPH,
  graphError,
  json,
  staticToken,
  USER,
} from './graph-fakes';

const MAILBOX = 'support@contoso.com';
const DRAFT_ID = 'AAMkAGdraft/1=';
const DRAFT_URL = `${USER}/messages/AAMkAGdraft%2F1%3D`;

const message: MailMessage = {
  subject: '[DEMO-2] Large logs',
  html: '<p>Logs</p>',
  to: ['ada@example.com'],
  attachments: [{ name: 'a.txt', contentType: 'text/plain', bytes: new Uint8Array([104, 105]) }],
  headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }],
  internetMessageId: '<e1.demo-2@contoso.com>',
};

const setup = (answers: Answer[]) => {
  const { fetch, requests } = answersInOrder(answers);
  const time = fakeTime();
  const deps: GraphClientDeps = {
    fetch,
    tokenProvider: staticToken(),
    graphBaseUrl: GRAPH,
    now: time.now,
    sleep: time.sleep,
    env: {},
    newClientRequestId: () => 'crid-1',
  };
  return { deps, requests, time };
};

const failure = async (promise: Promise<unknown>): Promise<GraphError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  expect(error.message).not.toContain('token-abc');
  expect(error.message).not.toContain('secret-looking');
  return error;
};

const created = {
  id: DRAFT_ID,
  internetMessageId: '<e1.demo-2@contoso.com>',
  conversationId: 'AAQkAGconv=',
  isDraft: true,
};

describe('message drafts', () => {
  it('creates the draft without its attachments, with the headers and Message-ID, and keeps the ids', async () => {
    const { deps, requests } = setup([json(201, created, { 'request-id': 'req-create' })]);
    await expect(createDraft(MAILBOX, message, deps)).resolves.toEqual({
      id: DRAFT_ID,
      internetMessageId: '<e1.demo-2@contoso.com>',
      conversationId: 'AAQkAGconv=',
      receipt: { status: 201, requestId: 'req-create', clientRequestId: 'crid-1', attempts: 1 },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: `${USER}/messages`, method: 'POST' });
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Bearer token-abc',
      'content-type': 'application/json',
      'client-request-id': 'crid-1',
    });
    expect(requests[0]?.json).toEqual({
      subject: '[DEMO-2] Large logs',
      body: { contentType: 'HTML', content: '<p>Logs</p>' },
      toRecipients: [{ emailAddress: { address: 'ada@example.com' } }],
      ccRecipients: [],
      bccRecipients: [],
      internetMessageHeaders: [{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }],
      internetMessageId: '<e1.demo-2@contoso.com>',
    });
  });

  it.each([
    [{ ...created, id: undefined }, 'id: Invalid input: expected string, received undefined'],
    [{ ...created, id: '' }, 'id: Too small: expected string to have >=1 characters'],
    [{ ...created, internetMessageId: 42 }, 'internetMessageId: Invalid input: expected string, received number'],
    [{ ...created, conversationId: [] }, 'conversationId: Invalid input: expected string, received array'],
  ])('refuses a create answer %j, naming the field', async (body, problem) => {
    const { deps } = setup([json(201, body)]);
    const error = await failure(createDraft(MAILBOX, message, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_RESPONSE_INVALID',
      message: `POST graph.microsoft.com/v1.0/users/support%40contoso.com/messages answered 201 with ${problem}.`,
    });
  });

  it('takes a draft answer without internetMessageId or conversationId as unknown ones', async () => {
    const { deps } = setup([json(201, { id: DRAFT_ID, internetMessageId: null })]);
    await expect(createDraft(MAILBOX, message, deps)).resolves.toMatchObject({
      internetMessageId: undefined,
      conversationId: undefined,
    });
  });

  it.each([
    [
      { headers: [{ name: 'Reply-By', value: 'x' }] },
      'the header name "Reply-By" must start with x- and hold printable ASCII without ":".',
      'invalid-header',
    ],
    [
      { headers: [{ name: 'x-a', value: 'one\r\nBcc: eve@example.com' }] },
      'the value of the header "x-a" holds a line break or another control character.',
      'invalid-header',
    ],
    [
      { headers: Array.from({ length: 6 }, (_, i) => ({ name: `x-h${i}`, value: 'v' })) },
      'a message takes at most 5 custom headers, not 6.',
      'invalid-header',
    ],
    [
      { internetMessageId: 'e1.demo-2@contoso.com' },
      'the internetMessageId must look like <local-part@domain>.',
      'bad-request',
    ],
    [{ internetMessageId: '<e1@a@b>' }, 'the internetMessageId must look like <local-part@domain>.', 'bad-request'],
  ])('refuses %j before calling Graph', async (extra, text, reason) => {
    const { deps, requests } = setup([]);
    const error = await failure(createDraft(MAILBOX, { ...message, ...extra }, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_BAD_REQUEST',
      reason,
      message: `POST graph.microsoft.com/v1.0/users/support%40contoso.com/messages not sent: ${text}`,
    });
    expect(requests).toHaveLength(0);
  });

  it('adds a file attachment with its bytes base64-encoded', async () => {
    const { deps, requests } = setup([json(201, { id: 'att-1', contentBytes: 'aGk=' })]);
    const inline = {
      name: 'logo.png',
      contentType: 'image/png',
      bytes: new Uint8Array([0x89, 0x50]),
      isInline: true,
      contentId: 'logo',
    };
    await expect(addAttachment(MAILBOX, DRAFT_ID, inline, deps)).resolves.toMatchObject({ status: 201, attempts: 1 });
    expect(requests[0]).toMatchObject({ url: `${DRAFT_URL}/attachments`, method: 'POST' });
    expect(requests[0]?.json).toEqual({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'logo.png',
      contentType: 'image/png',
      contentBytes: 'iVA=',
      isInline: true,
      contentId: 'logo',
    });
  });

  it('sends the draft with an empty POST and expects 202', async () => {
    const { deps, requests } = setup([empty(202, { 'request-id': 'req-send' })]);
    await expect(sendDraft(MAILBOX, DRAFT_ID, deps)).resolves.toEqual({
      status: 202,
      requestId: 'req-send',
      clientRequestId: 'crid-1',
      attempts: 1,
    });
    expect(requests[0]).toMatchObject({ url: `${DRAFT_URL}/send`, method: 'POST' });
    expect(requests[0]?.bytes.length).toBe(0);
    expect(requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('calls a 200 to send an unexpected answer', async () => {
    const { deps } = setup([json(200, {})]);
    const error = await failure(sendDraft(MAILBOX, DRAFT_ID, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_RESPONSE_INVALID',
      message: `POST graph.microsoft.com/v1.0/users/support%40contoso.com/messages/AAMkAGdraft%2F1%3D/send answered 200; expected 202 Accepted.`,
    });
  });

  it('retries a throttled send after Retry-After', async () => {
    const { deps, requests, time } = setup([
      graphError(429, 'ApplicationThrottled', { 'Retry-After': '2' }),
      empty(202),
    ]);
    await expect(sendDraft(MAILBOX, DRAFT_ID, deps)).resolves.toMatchObject({ attempts: 2 });
    expect(time.sleeps).toEqual([2000]);
    expect(requests).toHaveLength(2);
  });

  it.each([204, 404])('deletes a draft, taking %i as done', async (status) => {
    const { deps, requests } = setup([status === 404 ? graphError(404, 'ErrorItemNotFound') : empty(204)]);
    await expect(deleteDraft(MAILBOX, DRAFT_ID, deps)).resolves.toBeUndefined();
    expect(requests[0]).toMatchObject({ url: DRAFT_URL, method: 'DELETE' });
  });

  it('tries a delete once: a cleanup does not wait out a 503', async () => {
    const { deps, requests, time } = setup([graphError(503, 'serviceNotAvailable', { 'Retry-After': '1' })]);
    const error = await failure(deleteDraft(MAILBOX, DRAFT_ID, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_UNAVAILABLE',
      message: `DELETE graph.microsoft.com/v1.0/users/support%40contoso.com/messages/AAMkAGdraft%2F1%3D answered 503 serviceNotAvailable (request-id req-err).`,
    });
    expect(requests).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });
});
