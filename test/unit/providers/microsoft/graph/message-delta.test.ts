import { type DeltaPage, followDelta, startDelta } from '../../../../../src/providers/microsoft/graph/message-delta';
import { type Answer, graphError, json, USER } from './graph-fakes';
import { failureOf, inboundSetup, MAILBOX, PREFER_IMMUTABLE, queryOf } from './inbound-setup';

const SINCE = new Date('2030-06-01T10:00:00.000Z');
const NEXT =
  "https://graph.microsoft.com/v1.0/me/mailfolders('AQMkADNkNAAAgEMAAAA')/messages/delta?$skiptoken=GwcBoTmPuoTQWfcsAbkYM";
const DELTA =
  "https://graph.microsoft.com/v1.0/me/mailfolders('AQMkADNkNAAAgEMAAAA')/messages/delta?$deltatoken=GwcBoTmPuoGNlgXgF1nyUNMXY";

/** delta-query-messages "Sample initial response" (verbatim). */
const firstPage = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(message)',
  '@odata.nextLink': NEXT,
  value: [
    {
      '@odata.type': '#microsoft.graph.message',
      '@odata.etag': 'W/"CQAAABYAAAARn2vdzPFjSbaPPxzjlzOTAAASsKZz"',
      subject: 'Holiday hours update',
      isRead: false,
      sender: { emailAddress: { name: 'Dana Swope', address: 'danas@contoso.com' } },
      id: 'AAMkADNkNAAASq35xAAA=',
    },
  ],
};

/** delta-query-messages "next round" (verbatim): a removed entry and a changed one. */
const nextRound = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(message)',
  '@odata.deltaLink': DELTA,
  value: [
    {
      '@odata.type': '#microsoft.graph.message',
      id: 'AAMkADk0MGFkODE3LWE4MmYtNDRhOS0Dh_6qB-pB2Sa2pUum19a6YAAKnLuxoAAA=',
      '@removed': { reason: 'deleted' },
    },
    {
      id: 'AAMkNew=',
      receivedDateTime: '2030-06-01T10:05:00Z',
      internetMessageId: '<reply-1@example.com>',
    },
  ],
};

describe('starting a delta round', () => {
  it('asks for created messages since a time, selected fields, a page size and immutable ids', async () => {
    const { deps, requests } = inboundSetup([json(200, firstPage, { 'request-id': 'r-d1' })]);
    await expect(startDelta(MAILBOX, { folderId: 'inbox', receivedSince: SINCE }, deps)).resolves.toEqual({
      entries: [
        { kind: 'message', id: 'AAMkADNkNAAASq35xAAA=', receivedDateTime: undefined, internetMessageId: undefined },
      ],
      next: { kind: 'more', nextLink: NEXT },
      receipt: { status: 200, requestId: 'r-d1', clientRequestId: 'crid-1', attempts: 1 },
    } satisfies DeltaPage);
    expect(requests[0]?.url.split('?')[0]).toBe(`${USER}/mailFolders/inbox/messages/delta`);
    expect(queryOf(requests[0]?.url ?? '')).toEqual({
      changeType: 'created',
      $select: 'id,receivedDateTime,internetMessageId',
      $filter: 'receivedDateTime ge 2030-06-01T10:00:00.000Z',
    });
    expect(requests[0]?.headers.prefer).toBe(`${PREFER_IMMUTABLE}, odata.maxpagesize=50`);
  });

  it('takes its own fields, page size and folder id', async () => {
    const { deps, requests } = inboundSetup([json(200, nextRound)]);
    await startDelta(
      MAILBOX,
      { folderId: 'AAMk/1=', receivedSince: SINCE, select: ['id', 'subject'], pageSize: 10 },
      deps,
    );
    expect(requests[0]?.url.split('?')[0]).toBe(`${USER}/mailFolders/AAMk%2F1%3D/messages/delta`);
    expect(queryOf(requests[0]?.url ?? '').$select).toBe('id,subject');
    expect(requests[0]?.headers.prefer).toBe(`${PREFER_IMMUTABLE}, odata.maxpagesize=10`);
  });
});

describe('following a delta link', () => {
  it('follows the link verbatim and types removed entries', async () => {
    const { deps, requests } = inboundSetup([json(200, nextRound)]);
    await expect(followDelta(DELTA, deps)).resolves.toMatchObject({
      entries: [
        { kind: 'removed', id: 'AAMkADk0MGFkODE3LWE4MmYtNDRhOS0Dh_6qB-pB2Sa2pUum19a6YAAKnLuxoAAA=', reason: 'deleted' },
        {
          kind: 'message',
          id: 'AAMkNew=',
          receivedDateTime: '2030-06-01T10:05:00Z',
          internetMessageId: '<reply-1@example.com>',
        },
      ],
      next: { kind: 'done', deltaLink: DELTA },
    });
    expect(requests[0]?.url).toBe(DELTA);
    expect(requests[0]?.headers.prefer).toBe(`${PREFER_IMMUTABLE}, odata.maxpagesize=50`);
  });

  it('takes a page that is empty but has more to come', async () => {
    const { deps } = inboundSetup([json(200, { value: [], '@odata.nextLink': NEXT })]);
    await expect(followDelta(NEXT, deps)).resolves.toMatchObject({
      entries: [],
      next: { kind: 'more', nextLink: NEXT },
    });
  });

  it.each([
    ['another host', 'https://evil.example/v1.0/me/messages/delta?$deltatoken=x'],
    ['another version', 'https://graph.microsoft.com/beta/me/messages/delta?$deltatoken=x'],
    ['a path that only starts like the base', 'https://graph.microsoft.com/v1.0x/delta'],
    ['plain http', 'http://graph.microsoft.com/v1.0/me/messages/delta'],
    ['no URL at all', 'delta?$deltatoken=x'],
  ])('sends no token to %s, and says to start a new round', async (_name, link) => {
    const { deps, requests } = inboundSetup([]);
    const error = await failureOf(followDelta(link, deps));
    expect(error.code).toBe('GRAPH_DELTA_RESYNC');
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['a nextLink to another host', { value: [], '@odata.nextLink': 'https://evil.example/v1.0/x' }, 'outside'],
    ['both links', { value: [], '@odata.nextLink': NEXT, '@odata.deltaLink': DELTA }, 'both'],
    ['neither link', { value: [] }, 'neither'],
    ['an entry without id', { value: [{ subject: 'x' }], '@odata.deltaLink': DELTA }, 'value.0.id'],
    [
      'a removed reason that is a number',
      { value: [{ id: 'a', '@removed': { reason: 1 } }], '@odata.deltaLink': DELTA },
      'reason',
    ],
    ['no value', { '@odata.deltaLink': DELTA }, 'value'],
  ])('refuses a page with %s', async (_name, body, words) => {
    const { deps } = inboundSetup([json(200, body)]);
    const error = await failureOf(followDelta(DELTA, deps));
    expect(error.code).toBe('GRAPH_RESPONSE_INVALID');
    expect(error.message).toContain(words);
  });

  it.each<[string, Answer]>([
    ['410 Gone', graphError(410, 'Gone')],
    ['410 without a body', new Response('', { status: 410, headers: { 'request-id': 'req-err' } })],
    ['syncStateNotFound (delta-query-overview)', graphError(400, 'syncStateNotFound')],
    ['resyncRequired', graphError(400, 'resyncRequired')],
    ['SyncStateNotFound in other casing', graphError(404, 'SyncStateNotFound')],
  ])('says the position is lost for %s', async (_name, answer) => {
    const { deps } = inboundSetup([answer]);
    const error = await failureOf(followDelta(DELTA, deps));
    expect(error).toMatchObject({ code: 'GRAPH_DELTA_RESYNC', requestId: 'req-err' });
  });

  it.each<[string, Answer, string]>([
    ['another 400', graphError(400, 'BadRequest'), 'GRAPH_BAD_REQUEST'],
    ['a 404 of the mailbox', graphError(404, 'ErrorInvalidUser'), 'GRAPH_MAILBOX_NOT_FOUND'],
    ['a 500', graphError(500, 'InternalServerError'), 'GRAPH_UNAVAILABLE'],
  ])('keeps other failures as they are: %s', async (_name, answer, code) => {
    const { deps } = inboundSetup([answer]);
    expect((await failureOf(followDelta(DELTA, deps))).code).toBe(code);
  });

  it('retries a throttled page after Retry-After, then reads it', async () => {
    const { deps, time } = inboundSetup([
      graphError(429, 'ApplicationThrottled', { 'Retry-After': '1' }),
      json(200, nextRound),
    ]);
    await expect(followDelta(DELTA, deps)).resolves.toMatchObject({ receipt: { attempts: 2 } });
    expect(time.sleeps).toEqual([1000]);
  });
});
