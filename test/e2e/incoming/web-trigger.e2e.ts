import type { MailHandlerView } from '../../../src/contract/mail-handlers';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { adminCall, commentsOf, eventually, type IncomingStack, saveHandler, startIncomingStack } from './support';

let stack: IncomingStack;

beforeAll(async () => {
  stack = await startIncomingStack();
});

afterAll(async () => {
  await stack?.close();
});

describe("incoming mail through Graph's web trigger", () => {
  it('a new email becomes an issue once the handler is connected', async () => {
    const { host } = stack;
    const before = host.jira.issueKeys();
    await saveHandler(host);
    const run = await host.runTrigger('incoming-mail-upkeep');
    expect(run.outcome).toBe('succeeded');
    await host.queue.whenIdle();
    host.microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromName: 'Jordan Customer',
      fromAddress: 'jordan@example.com',
      subject: 'The printer is on fire',
      text: 'Please send help.',
    });
    const created = await eventually(
      () => host.jira.issueKeys().find((key) => !before.includes(key)),
      10_000,
      'a new issue',
    );
    expect(await commentsOf(host, created)).toEqual([]);
    const record = await eventually(
      () => stack.records().find((one) => one.status === 'created'),
      10_000,
      'its record',
    );
    expect(record).toMatchObject({
      issueKey: created,
      subject: 'The printer is on fire',
      handlerId: expect.any(String),
    });
  });

  it('echoes a validation token only as text/plain, and refuses notifications it cannot vouch for: nothing queued, logged', async () => {
    const { host } = stack;
    const url = host.webTriggerUrl('graph-notifications');
    const token = 'Validation: Token <script>alert(1)</script>';
    const echo = await fetch(`${url}?validationToken=${encodeURIComponent(token)}`, { method: 'POST' });
    expect(echo.status).toBe(200);
    expect(echo.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(echo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await echo.text()).toBe(token);

    const handler = (await adminCall<MailHandlerView[]>(host, 'listMailHandlers', {}))[0];
    const state = stack.stored(`incoming-state:${handler?.id ?? ''}`) as { subscriptionId: string };
    expect(state.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
    await host.queue.whenIdle();
    const before = host.queue.status().delivered;
    // A function's log lines reach the host's console (local/host/runtime/isolation/worker-pool.ts).
    const logged: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)));
    const notification = (subscriptionId: string, clientState: string) => ({
      subscriptionId,
      clientState,
      changeType: 'created',
      resource: "Users('support@contoso.onmicrosoft.com')/Messages('AAMk-forged')",
      resourceData: { id: 'AAMk-forged' },
      subscriptionExpirationDateTime: '2026-12-09T10:00:00Z',
      tenantId: '00000000-0000-0000-0000-000000000000',
    });
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        value: [
          notification(state.subscriptionId, 'a guessed client state'),
          notification('0b8a6a2e-0000-4000-8000-000000000001', 'anything'),
        ],
      }),
    });
    expect(forged.status).toBe(202);
    await host.queue.whenIdle();
    expect(host.queue.status().delivered).toBe(before);
    spy.mockRestore();
    expect(logged).toContainEqual(
      expect.stringContaining(
        'incoming mail: refused 1 notification(s) of unknown subscriptions, 1 with a wrong clientState, 0 of another kind; nothing queued for them',
      ),
    );
  });
});
