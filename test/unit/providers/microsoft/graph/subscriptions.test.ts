import {
  createSubscription,
  deleteSubscription,
  folderMessagesResource,
  getSubscription,
  type NewSubscription,
  reauthorizeSubscription,
  renewSubscription,
} from '../../../../../src/providers/microsoft/graph/subscriptions';
import { type Answer, empty, GRAPH, graphError, json } from './graph-fakes';
import { failureOf, inboundSetup, MAILBOX, PREFER_IMMUTABLE } from './inbound-setup';

const SUBSCRIPTIONS = `${GRAPH}/subscriptions`;
const ID = '5522bd62-7c96-4530-85b0-00b916f6151a';

/** The 201 of outlook-change-notifications-overview, Example 1 (verbatim but for the resource and lifecycle URL). */
const granted = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
  id: ID,
  resource: "users/support@contoso.com/mailFolders('AAMkInbox=')/messages",
  applicationId: '507c3b9a-67b8-463d-88a2-15a8cefb2111',
  changeType: 'created',
  clientState: 'secretClientState',
  notificationUrl: 'https://app.example/x/webtrigger',
  notificationQueryOptions: null,
  notificationContentType: null,
  lifecycleNotificationUrl: 'https://app.example/x/lifecycle',
  expirationDateTime: '2030-06-07T11:00:00.0000000Z',
  creatorId: 'a4c7bd34-4f3b-46b7-a25d-b63c1e2a2842',
  includeResourceData: null,
  latestSupportedTlsVersion: 'v1_2',
  encryptionCertificate: null,
  encryptionCertificateId: null,
  notificationUrlAppId: null,
};
const subscription = {
  id: ID,
  resource: "users/support@contoso.com/mailFolders('AAMkInbox=')/messages",
  changeType: 'created',
  expirationDateTime: '2030-06-07T11:00:00.0000000Z',
  notificationUrl: 'https://app.example/x/webtrigger',
  lifecycleNotificationUrl: 'https://app.example/x/lifecycle',
};

const request: NewSubscription = {
  mailbox: MAILBOX,
  folderId: 'AAMkInbox=',
  notificationUrl: 'https://app.example/x/webtrigger',
  lifecycleNotificationUrl: 'https://app.example/x/lifecycle',
  clientState: 'secretClientState',
  expirationDateTime: '2030-06-08T11:00:00.000Z',
};

describe('the folder resource', () => {
  it.each([
    ['an id', MAILBOX, 'AAMkInbox=', "users/support@contoso.com/mailFolders('AAMkInbox=')/messages"],
    ['a well-known name', 'u-1', 'inbox', "users/u-1/mailFolders('inbox')/messages"],
    ['a quote in the id', 'u-1', "a'b", "users/u-1/mailFolders('a''b')/messages"],
  ])('names %s', (_name, mailbox, folderId, resource) => {
    expect(folderMessagesResource(mailbox, folderId)).toBe(resource);
  });
});

describe('creating a subscription', () => {
  it('posts created-only for the folder with both URLs, clientState and expiry, and reads the granted expiry', async () => {
    const { deps, requests } = inboundSetup([json(201, granted, { 'request-id': 'r-sub' })]);
    await expect(createSubscription(request, deps)).resolves.toEqual({
      subscription,
      receipt: { status: 201, requestId: 'r-sub', clientRequestId: 'crid-1', attempts: 1 },
    });
    expect(requests[0]).toMatchObject({ method: 'POST', url: SUBSCRIPTIONS });
    expect(requests[0]?.json).toEqual({
      changeType: 'created',
      notificationUrl: 'https://app.example/x/webtrigger',
      lifecycleNotificationUrl: 'https://app.example/x/lifecycle',
      resource: "users/support@contoso.com/mailFolders('AAMkInbox=')/messages",
      expirationDateTime: '2030-06-08T11:00:00.000Z',
      clientState: 'secretClientState',
    });
    expect(requests[0]?.headers).toMatchObject({ prefer: PREFER_IMMUTABLE, 'content-type': 'application/json' });
  });

  it.each([
    ['an empty clientState', { clientState: '' }, 'clientState'],
    ['a clientState over 128 characters', { clientState: 'x'.repeat(129) }, 'clientState'],
    ['an expiry that is no date', { expirationDateTime: 'next week' }, 'expirationDateTime'],
  ])('sends nothing for %s', async (_name, change, field) => {
    const { deps, requests } = inboundSetup([]);
    const error = await failureOf(createSubscription({ ...request, ...change }, deps));
    expect(error.code).toBe('GRAPH_BAD_REQUEST');
    expect(error.message).toContain(field);
    expect(requests).toHaveLength(0);
  });

  it('takes a clientState of exactly 128 characters', async () => {
    const { deps } = inboundSetup([json(201, granted)]);
    await expect(createSubscription({ ...request, clientState: 'x'.repeat(128) }, deps)).resolves.toBeDefined();
  });

  it.each<[string, Answer, string, number]>([
    ['a notification URL that failed validation', graphError(400, 'ValidationError'), 'GRAPH_BAD_REQUEST', 400],
    ['a subscription that exists already', graphError(409, 'ExtensionError'), 'GRAPH_REQUEST_FAILED', 409],
    ['no Mail.Read', graphError(403, 'ExtensionError'), 'GRAPH_ACCESS_DENIED', 403],
  ])('fails for %s', async (_name, answer, code, status) => {
    const { deps } = inboundSetup([answer]);
    const error = await failureOf(createSubscription(request, deps));
    expect(error).toMatchObject({ code, status, requestId: 'req-err' });
  });

  it.each([
    ['no expiry', { ...granted, expirationDateTime: undefined }, 'expirationDateTime'],
    ['a resource that is a number', { ...granted, resource: 5 }, 'resource'],
  ])('refuses an answer with %s, naming the field', async (_name, body, field) => {
    const { deps } = inboundSetup([json(201, body)]);
    const error = await failureOf(createSubscription(request, deps));
    expect(error.code).toBe('GRAPH_RESPONSE_INVALID');
    expect(error.message).toContain(field);
  });
});

describe('renewing, reauthorizing, deleting and reading a subscription', () => {
  it('renews with a PATCH of the expiry and reads the granted one', async () => {
    const { deps, requests } = inboundSetup([json(200, granted)]);
    await expect(renewSubscription(ID, '2030-06-08T11:00:00.000Z', deps)).resolves.toMatchObject({ subscription });
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      url: `${SUBSCRIPTIONS}/${ID}`,
      json: { expirationDateTime: '2030-06-08T11:00:00.000Z' },
    });
    expect(requests[0]?.headers.prefer).toBe(PREFER_IMMUTABLE);
  });

  it.each<
    [
      string,
      () => Parameters<typeof inboundSetup>[0],
      (deps: ReturnType<typeof inboundSetup>['deps']) => Promise<unknown>,
    ]
  >([
    [
      'renewing',
      () => [graphError(404, 'ResourceNotFound')],
      (deps) => renewSubscription(ID, '2030-06-08T11:00:00Z', deps),
    ],
    ['reauthorizing', () => [graphError(404, 'ResourceNotFound')], (deps) => reauthorizeSubscription(ID, deps)],
  ])('says a subscription Graph no longer has is gone when %s', async (_name, answers, call) => {
    const { deps } = inboundSetup(answers());
    const error = await failureOf(call(deps));
    expect(error).toMatchObject({ code: 'GRAPH_ITEM_GONE', item: 'subscription', status: 404, requestId: 'req-err' });
  });

  it.each([204, 200])('reauthorizes with a POST without a body (answered %s)', async (status) => {
    const { deps, requests } = inboundSetup([empty(status, { 'request-id': 'r-re' })]);
    await expect(reauthorizeSubscription(ID, deps)).resolves.toMatchObject({ status, requestId: 'r-re' });
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${SUBSCRIPTIONS}/${ID}/reauthorize` });
    expect(requests[0]?.bytes).toHaveLength(0);
  });

  it.each<[string, Answer, string]>([
    ['deleted', empty(204, { 'request-id': 'r-del' }), 'r-del'],
    ['already-gone', graphError(404, 'ResourceNotFound'), 'req-err'],
  ])('deletes: %s', async (outcome, answer, requestId) => {
    const { deps, requests } = inboundSetup([answer]);
    await expect(deleteSubscription(ID, deps)).resolves.toEqual({ outcome, requestId });
    expect(requests[0]).toMatchObject({ method: 'DELETE', url: `${SUBSCRIPTIONS}/${ID}` });
  });

  it('fails to delete when Graph refuses', async () => {
    const { deps } = inboundSetup([graphError(403, 'ExtensionError')]);
    expect((await failureOf(deleteSubscription(ID, deps))).code).toBe('GRAPH_ACCESS_DENIED');
  });

  it.each<[string, Answer, unknown]>([
    ['a live one', json(200, granted), subscription],
    ['none (404)', graphError(404, 'ResourceNotFound'), undefined],
  ])('reads %s for the Test button', async (_name, answer, expected) => {
    const { deps, requests } = inboundSetup([answer]);
    await expect(getSubscription(ID, deps)).resolves.toEqual(expected);
    expect(requests[0]).toMatchObject({ method: 'GET', url: `${SUBSCRIPTIONS}/${ID}` });
  });

  it('encodes the id in the path', async () => {
    const { deps, requests } = inboundSetup([graphError(404, 'ResourceNotFound')]);
    await getSubscription('a/b?c', deps);
    expect(requests[0]?.url).toBe(`${SUBSCRIPTIONS}/a%2Fb%3Fc`);
  });

  it('retries a throttled renewal after Retry-After', async () => {
    const { deps, requests, time } = inboundSetup([
      graphError(429, 'ApplicationThrottled', { 'Retry-After': '2' }),
      json(200, granted),
    ]);
    await expect(renewSubscription(ID, '2030-06-08T11:00:00Z', deps)).resolves.toMatchObject({
      receipt: { attempts: 2 },
    });
    expect(time.sleeps).toEqual([2000]);
    expect(requests).toHaveLength(2);
  });
});
