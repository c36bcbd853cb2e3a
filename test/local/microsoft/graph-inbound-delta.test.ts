import { graphGet, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const DELTA = `/users/${SUPPORT}/mailFolders/inbox/messages/delta`;

type Json = Record<string, unknown>;
interface Page {
  value: Json[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

describe('Graph messages/delta on a folder', () => {
  const demo = useDemo({ limits: false });
  const follow = async (link: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(link, { headers: { Authorization: `Bearer ${demo.token}`, ...headers } });
  const page = async (response: Response): Promise<Page> => {
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };
  /** Follows nextLinks to the end of a round; returns every item and the deltaLink. */
  const round = async (first: Response): Promise<{ items: Json[]; deltaLink: string; pages: number }> => {
    const items: Json[] = [];
    let current = await page(first);
    let pages = 1;
    for (;;) {
      items.push(...current.value);
      expect(current['@odata.nextLink'] !== undefined && current['@odata.deltaLink'] !== undefined).toBe(false);
      if (current['@odata.deltaLink'] !== undefined) return { items, deltaLink: current['@odata.deltaLink'], pages };
      current = await page(await follow(String(current['@odata.nextLink'])));
      pages += 1;
    }
  };
  const deliver = (subject: string, receivedDateTime?: string) =>
    demo.emulator.deliverMail({
      mailbox: SUPPORT,
      fromAddress: 'alex@fabrikam.example',
      subject,
      text: subject,
      ...(receivedDateTime === undefined ? {} : { receivedDateTime }),
    });

  it('starts from now with $filter=receivedDateTime ge: 1,000 old messages are not returned, new mail is, once', async () => {
    demo.emulator.seedMailbox({ mailbox: SUPPORT, count: 1000, newest: '2030-05-30T00:00:00Z', stepSeconds: 60 });
    const first = await round(
      await graphGet(
        demo,
        `${DELTA}?changeType=created&$select=id,receivedDateTime,internetMessageId&$filter=receivedDateTime ge 2030-06-01T00:00:00Z`,
      ),
    );
    expect(first.items).toEqual([]);
    const fresh = deliver('New after connect', '2030-06-01T12:00:00.000Z');
    const second = await round(await follow(first.deltaLink));
    expect(second.items).toEqual([
      {
        '@odata.type': '#microsoft.graph.message',
        '@odata.etag': expect.any(String),
        id: fresh.id,
        receivedDateTime: '2030-06-01T12:00:00Z',
        internetMessageId: fresh.internetMessageId,
      },
    ]);
    const third = await round(await follow(second.deltaLink));
    expect(third.items).toEqual([]);
  });

  it('takes "the last 2 days" exactly, paged by odata.maxpagesize', async () => {
    const response = await fetch(
      `${demo.emulator.graphBaseUrl}/v1.0${DELTA}?$select=id,receivedDateTime&$filter=receivedDateTime ge 2030-05-28T00:00:00Z`,
      {
        headers: { Authorization: `Bearer ${demo.token}`, Prefer: 'odata.maxpagesize=500' },
      },
    );
    expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=500');
    const all = await round(response);
    const expected = demo.emulator
      .receivedMessages(SUPPORT)
      .filter((message) => Date.parse(message.receivedDateTime) >= Date.parse('2030-05-28T00:00:00Z')).length;
    expect(all.items).toHaveLength(expected);
    expect(all.pages).toBe(Math.ceil(expected / 500) || 1);
  });

  it('reports a message moved out of the folder as @removed, and a read one as updated', async () => {
    const message = deliver('Will move');
    const start = await round(
      await graphGet(demo, `${DELTA}?$select=subject,isRead&$filter=receivedDateTime ge 2030-06-01T11:00:00Z`),
    );
    const before = start.items.length;
    expect(before).toBeGreaterThan(0);
    const read = deliver('Will be read');
    const afterDelivery = await round(await follow(start.deltaLink));
    expect(afterDelivery.items.map((item) => item.subject)).toEqual(['Will be read']);
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}${path}`, {
        method,
        headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call('PATCH', `/messages/${read.id}`, { isRead: true })).status).toBe(200);
    expect((await call('POST', `/messages/${message.id}/move`, { destinationId: 'archive' })).status).toBe(201);
    const changes = await round(await follow(afterDelivery.deltaLink));
    expect(changes.items).toEqual(
      expect.arrayContaining([
        { '@odata.type': '#microsoft.graph.message', id: message.id, '@removed': { reason: 'deleted' } },
        expect.objectContaining({ id: read.id, isRead: true, subject: 'Will be read' }),
      ]),
    );
    expect(changes.items).toHaveLength(2);
  });

  it('with changeType=created, later rounds leave updates and removals out', async () => {
    const start = await round(
      await graphGet(demo, `${DELTA}?changeType=created&$select=id&$filter=receivedDateTime ge 2030-06-02T00:00:00Z`),
    );
    const message = deliver('Created only', '2030-06-02T01:00:00.000Z');
    const next = await round(await follow(start.deltaLink));
    expect(next.items.map((item) => item.id)).toEqual([message.id]);
    await fetch(`${demo.emulator.graphBaseUrl}/v1.0/users/${SUPPORT}/messages/${message.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ isRead: true }),
    });
    expect((await round(await follow(next.deltaLink))).items).toEqual([]);
  });

  it('answers 410 syncStateNotFound for unknown tokens, $deltatoken=latest and tokens expired by the knob', async () => {
    const unknown = await graphGet(demo, `${DELTA}?$deltatoken=nope`);
    expect(unknown.status).toBe(410);
    expect(((await unknown.json()) as { error: Json }).error.code).toBe('syncStateNotFound');
    expect((await graphGet(demo, `${DELTA}?$deltatoken=latest`)).status).toBe(410);
    const start = await round(
      await graphGet(demo, `${DELTA}?$select=id&$filter=receivedDateTime ge 2030-06-03T00:00:00Z`),
    );
    expect((await follow(start.deltaLink)).status).toBe(200);
    const expired = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/api/delta-tokens/expire`, { method: 'POST' });
    expect(expired.status).toBe(204);
    expect((await follow(start.deltaLink)).status).toBe(410);
  });

  it('refuses filters other than receivedDateTime ge|gt and $orderby other than receivedDateTime desc', async () => {
    expect((await graphGet(demo, `${DELTA}?$filter=isRead eq false`)).status).toBe(400);
    expect((await graphGet(demo, `${DELTA}?$orderby=subject`)).status).toBe(400);
    expect(
      (await graphGet(demo, `${DELTA}?$orderby=receivedDateTime desc&$filter=receivedDateTime gt 2030-06-03T00:00:00Z`))
        .status,
    ).toBe(200);
  });

  it('gets the fault mix like every Graph route (429 with Retry-After)', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 1, retryAfterSeconds: 3 });
    const throttled = await graphGet(demo, `${DELTA}?$select=id`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    demo.emulator.injectFault({ target: 'graph', kind: 'unavailable', count: 1, retryAfterSeconds: 2 });
    expect((await graphGet(demo, `/users/${SUPPORT}/mailFolders/inbox/childFolders`)).status).toBe(503);
  });
});
