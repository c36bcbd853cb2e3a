import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { START, until, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';

type Json = Record<string, unknown>;

/** A stand-in for the local Forge host's web trigger: answers validations, records notifications. */
class Receiver {
  server: Server | undefined;
  url = '';
  received: { path: string; body: { value: Json[] } }[] = [];
  validations: string[] = [];
  /** What the next notification POSTs answer, first to last; 202 after. */
  answers: number[] = [];
  validationMode: 'echo' | 'html' | 'wrong' = 'echo';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const token = url.searchParams.get('validationToken');
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (token !== null) {
          this.validations.push(url.pathname);
          const type = this.validationMode === 'html' ? 'text/html' : 'text/plain';
          res.writeHead(200, { 'Content-Type': type });
          res.end(this.validationMode === 'wrong' ? `${token}x` : token);
          return;
        }
        this.received.push({
          path: url.pathname,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { value: Json[] },
        });
        res.writeHead(this.answers.shift() ?? 202);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }
}

describe('Graph subscriptions and change notifications', () => {
  const demo = useDemo({ limits: false });
  const receiver = new Receiver();
  beforeAll(async () => {
    await receiver.start();
    demo.emulator.setNotifierTiming({ batchMs: 5, retryBaseMs: 20 });
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server?.close(() => resolve())));
  beforeEach(() => {
    receiver.received = [];
    receiver.validations = [];
    receiver.validationMode = 'echo';
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${demo.emulator.graphBaseUrl}/v1.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const inMinutes = (minutes: number) => new Date(demo.clock.now().getTime() + minutes * 60_000).toISOString();
  const subscribe = (overrides: Json = {}) =>
    call('POST', '/subscriptions', {
      changeType: 'created',
      notificationUrl: `${receiver.url}/x1/notify`,
      lifecycleNotificationUrl: `${receiver.url}/x1/lifecycle`,
      resource: `/users/${SUPPORT}/mailFolders('Inbox')/messages`,
      expirationDateTime: inMinutes(60 * 24),
      clientState: 'secret-1',
      ...overrides,
    });
  const remove = async (id: string) => expect((await call('DELETE', `/subscriptions/${id}`)).status).toBe(204);

  it('validates both URLs, then creates the subscription (201, resource without the leading slash)', async () => {
    const response = await subscribe();
    expect(response.status).toBe(201);
    expect(receiver.validations).toEqual(['/x1/notify', '/x1/lifecycle']);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({
      resource: `users/${SUPPORT}/mailFolders('Inbox')/messages`,
      changeType: 'created',
      clientState: 'secret-1',
      notificationUrl: `${receiver.url}/x1/notify`,
      applicationId: demo.app.clientId,
      latestSupportedTlsVersion: 'v1_2',
    });
    const listed = (await (await call('GET', '/subscriptions')).json()) as { value: Json[] };
    expect(listed.value.map((s) => s.id)).toContain(body.id);
    const again = await subscribe();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: Json }).error.message).toBe(
      `Subscription Id ${String(body.id)} already exists for the requested combination`,
    );
    await remove(String(body.id));
    expect((await call('GET', `/subscriptions/${String(body.id)}`)).status).toBe(404);
  });

  it.each([
    ['html', 'an HTML answer'],
    ['wrong', 'a different token'],
  ] as const)('refuses the subscription when the endpoint validates with %s (%s)', async (mode, _what) => {
    receiver.validationMode = mode;
    const response = await subscribe();
    expect(response.status).toBe(400);
    expect(((await (await call('GET', '/subscriptions')).json()) as { value: Json[] }).value).toEqual([]);
  });

  it.each([
    ['a clientState over 128 characters', { clientState: 'x'.repeat(129) }],
    ['an http URL off loopback', { notificationUrl: 'http://example.com/hook' }],
    [
      'an expiry over 10,080 minutes',
      { expirationDateTime: new Date(START.getTime() + 10_081 * 60_000).toISOString() },
    ],
    ['an unknown changeType', { changeType: 'created,moved' }],
    ['a resource other than messages', { resource: `/users/${SUPPORT}/events` }],
  ])('refuses %s with 400', async (_what, overrides) => {
    expect((await subscribe(overrides)).status).toBe(400);
  });

  it("answers an expiry too far ahead with Graph's ExtensionError", async () => {
    const response = await subscribe({ expirationDateTime: inMinutes(10_081) });
    expect(((await response.json()) as { error: Json }).error).toMatchObject({
      code: 'ExtensionError',
      message: 'Subscription expiration can only be 10080 minutes in the future.',
    });
  });

  it('raises an expiry under 45 minutes to 45 minutes, and PATCH renews', async () => {
    const body = (await (await subscribe({ expirationDateTime: inMinutes(5) })).json()) as Json;
    expect(body.expirationDateTime).toBe(inMinutes(45));
    const renewed = await call('PATCH', `/subscriptions/${String(body.id)}`, { expirationDateTime: inMinutes(3000) });
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as Json).expirationDateTime).toBe(inMinutes(3000));
    expect((await call('POST', `/subscriptions/${String(body.id)}/reauthorize`)).status).toBe(204);
    await remove(String(body.id));
  });

  it('notifies created mail in the subscribed folder, in the documented shape, and not mail elsewhere', async () => {
    const created = (await (await subscribe()).json()) as Json;
    const message = demo.emulator.deliverMail({ mailbox: SUPPORT, fromAddress: 'alex@fabrikam.example', text: 'Hi' });
    await until(() => receiver.received.length > 0, 'a notification');
    const mailbox = demo.tenant.mailboxes.find((m) => m.userPrincipalName === SUPPORT);
    expect(receiver.received[0]).toEqual({
      path: '/x1/notify',
      body: {
        value: [
          {
            subscriptionId: created.id,
            subscriptionExpirationDateTime: created.expirationDateTime,
            changeType: 'created',
            resource: `Users/${String(mailbox?.id)}/Messages/${message.id}`,
            resourceData: {
              '@odata.type': '#Microsoft.Graph.Message',
              '@odata.id': `Users/${String(mailbox?.id)}/Messages/${message.id}`,
              '@odata.etag': expect.stringMatching(/^W\/"/),
              id: message.id,
            },
            clientState: 'secret-1',
            tenantId: demo.tenant.id,
          },
        ],
      },
    });
    const moved = await call('POST', `/users/${SUPPORT}/messages/${message.id}/move`, { destinationId: 'archive' });
    expect(moved.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toHaveLength(1);
    await remove(String(created.id));
  });

  it('posts the last batch of notifications again, unchanged, on demand', async () => {
    const created = (await (await subscribe()).json()) as Json;
    demo.emulator.deliverMail({ mailbox: SUPPORT, fromAddress: 'alex@fabrikam.example', text: 'Twice' });
    await until(() => receiver.received.length === 1, 'the notification');
    expect(demo.emulator.redeliverLastNotification()).toBe(true);
    await until(() => receiver.received.length === 2, 'the same notification again');
    expect(receiver.received[1]).toEqual(receiver.received[0]);
    await remove(String(created.id));
  });

  it('holds notifications while switched off and sends them on resume', async () => {
    const created = (await (await subscribe()).json()) as Json;
    const paused = await fetch(`${demo.emulator.graphBaseUrl}/mailbox/api/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paused: true }),
    });
    expect(paused.status).toBe(204);
    demo.emulator.deliverMail({ mailbox: SUPPORT, fromAddress: 'alex@fabrikam.example', text: 'While off' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toEqual([]);
    demo.emulator.setNotificationsPaused(false);
    await until(() => receiver.received.length === 1, 'the held notification');
    await remove(String(created.id));
  });

  it('retries a notification the endpoint refused, with backoff', async () => {
    const created = (await (await subscribe()).json()) as Json;
    receiver.answers = [500, 503];
    const before = demo.emulator.notificationAttempts().length;
    demo.emulator.deliverMail({ mailbox: SUPPORT, fromAddress: 'alex@fabrikam.example', text: 'Retry me' });
    // The sender records an attempt once the answer is in, after the receiver has seen the request.
    await until(() => demo.emulator.notificationAttempts().length === before + 3, 'two retries');
    expect(receiver.received).toHaveLength(3);
    const statuses = demo.emulator
      .notificationAttempts()
      .slice(-3)
      .map((attempt) => attempt.status);
    expect(statuses).toEqual([500, 503, 202]);
    await remove(String(created.id));
  });

  it('warns with reauthorizationRequired before expiry, then removes the subscription with subscriptionRemoved', async () => {
    const created = (await (await subscribe({ expirationDateTime: inMinutes(60) })).json()) as Json;
    demo.clock.advanceSeconds(50 * 60);
    demo.emulator.sweepSubscriptions();
    await until(() => receiver.received.length === 1, 'reauthorizationRequired');
    expect(receiver.received[0]?.path).toBe('/x1/lifecycle');
    expect(receiver.received[0]?.body.value[0]).toEqual({
      subscriptionId: created.id,
      subscriptionExpirationDateTime: created.expirationDateTime,
      tenantId: demo.tenant.id,
      clientState: 'secret-1',
      lifecycleEvent: 'reauthorizationRequired',
    });
    demo.clock.advanceSeconds(11 * 60);
    demo.emulator.sweepSubscriptions();
    await until(() => receiver.received.length === 2, 'subscriptionRemoved');
    expect(receiver.received[1]?.body.value[0]?.lifecycleEvent).toBe('subscriptionRemoved');
    expect((await call('GET', `/subscriptions/${String(created.id)}`)).status).toBe(404);
  });

  it('sends missed on demand', async () => {
    const created = (await (await subscribe()).json()) as Json;
    expect(demo.emulator.sendLifecycleEvent(String(created.id), 'missed')).toBe(true);
    await until(() => receiver.received.length === 1, 'missed');
    expect(receiver.received[0]?.body.value[0]?.lifecycleEvent).toBe('missed');
    await remove(String(created.id));
  });
});
