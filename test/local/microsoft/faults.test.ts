import { type InjectedFault, MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from '../../../local/microsoft';
import {
  type AadstsErrorBody,
  clientCredentials,
  type GraphErrorBody,
  graphGet,
  postForm,
  postJson,
  sendMailUrl,
  simpleMessage,
  startDemo,
  useDemo,
} from './helpers';

describe('Microsoft emulator faults and request counts', () => {
  const demo = useDemo();
  afterEach(() => {
    demo.emulator.clearFaults();
    demo.emulator.resetCounts();
  });

  const send = () => postJson(sendMailUrl(demo), demo.token, simpleMessage());
  const requestToken = () => postForm(demo.tokenUrl, clientCredentials(demo.app));

  it('throttles the next Graph requests with 429 ApplicationThrottled and Retry-After, then recovers', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 2 });
    const before = demo.emulator.sentMessages().length;
    for (let i = 0; i < 2; i += 1) {
      const response = await send();
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      const body = (await response.json()) as GraphErrorBody;
      expect([body.error.code, body.error.message]).toEqual([
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
      ]);
      expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
    }
    expect((await send()).status).toBe(202);
    expect(demo.emulator.sentMessages()).toHaveLength(before + 1);
  });

  it('uses the fault Retry-After seconds', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 1, retryAfterSeconds: 7 });
    expect((await send()).headers.get('retry-after')).toBe('7');
  });

  it('throttles the token endpoint the way Entra does: plain 429 with Retry-After', async () => {
    demo.emulator.injectFault({ target: 'token', kind: 'throttle', count: 1 });
    const response = await requestToken();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Too Many Requests');
    expect((await requestToken()).status).toBe(200);
  });

  it('answers Graph 503 serviceNotAvailable', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'unavailable', count: 1, retryAfterSeconds: 3 });
    const response = await send();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    const body = (await response.json()) as GraphErrorBody;
    expect([body.error.code, body.error.message]).toEqual([
      'serviceNotAvailable',
      'The service is not available. Try the request again after a delay. There may be a Retry-After header.',
    ]);
  });

  it('answers the token endpoint 503 temporarily_unavailable AADSTS90033', async () => {
    demo.emulator.injectFault({ target: 'token', kind: 'unavailable', count: 1 });
    const response = await requestToken();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeNull();
    const body = (await response.json()) as AadstsErrorBody;
    expect(body.error).toBe('temporarily_unavailable');
    expect(body.error_codes).toEqual([90033]);
    expect(body.error_description.split('\r\n')[0]).toBe(
      'AADSTS90033: A transient error has occurred. Please try again.',
    );
  });

  it('answers normally after a slow fault, and the fault is used up', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'slow', count: 1, delayMs: 20 });
    demo.emulator.injectFault({ target: 'token', kind: 'slow', count: 1, delayMs: 20 });
    expect((await send()).status).toBe(202);
    expect((await requestToken()).status).toBe(200);
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 1 });
    expect((await send()).status).toBe(429);
  });

  it('keeps an Infinity fault until clearFaults(), and faults only their target', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'unavailable', count: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 3; i += 1) expect((await send()).status).toBe(503);
    expect((await requestToken()).status).toBe(200);
    demo.emulator.clearFaults();
    expect((await send()).status).toBe(202);
  });

  it('gives a fault with pathIncludes only to requests whose path contains it, in any case', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'unavailable', count: 1, pathIncludes: '/SENDMAIL' });
    const read = await graphGet(demo, '/users/support@contoso.onmicrosoft.com/mailFolders/inbox?$select=displayName');
    expect(read.status).toBe(200);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(202);
  });

  it('applies faults in the order they were injected', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 1 });
    demo.emulator.injectFault({ target: 'graph', kind: 'unavailable', count: 1 });
    expect((await send()).status).toBe(429);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(202);
  });

  it('counts requests reaching the token endpoints and Graph, faulted or not, but not pages or discovery', async () => {
    demo.emulator.injectFault({ target: 'graph', kind: 'throttle', count: 1 });
    await send();
    await send();
    await requestToken();
    await postForm(`${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/token`, clientCredentials(demo.app));
    await postForm(demo.tokenUrl, clientCredentials(demo.app, { client_secret: 'wrong' }));
    await fetch(`${demo.emulator.graphBaseUrl}/v1.0/users/support@contoso.onmicrosoft.com`);
    await fetch(`${demo.emulator.loginBaseUrl}/portal`);
    await fetch(`${demo.emulator.loginBaseUrl}/${demo.tenant.id}/discovery/v2.0/keys`);
    await fetch(`${demo.emulator.graphBaseUrl}/mailbox`);
    expect(demo.emulator.requestCounts()).toEqual({ token: 3, graph: 3 });
    demo.emulator.resetCounts();
    expect(demo.emulator.requestCounts()).toEqual({ token: 0, graph: 0 });
  });

  it.each<[string, InjectedFault]>([
    ['a zero count', { target: 'graph', kind: 'throttle', count: 0 }],
    ['a fractional count', { target: 'graph', kind: 'throttle', count: 1.5 }],
    ['an unknown kind', { target: 'graph', kind: 'explode' as InjectedFault['kind'], count: 1 }],
    ['an unknown target', { target: 'jira' as InjectedFault['target'], kind: 'slow', count: 1 }],
    ['a negative Retry-After', { target: 'token', kind: 'throttle', count: 1, retryAfterSeconds: -1 }],
    ['a negative delay', { target: 'token', kind: 'slow', count: 1, delayMs: -5 }],
  ])('refuses to inject %s', (_name, fault) => {
    let thrown: unknown;
    try {
      demo.emulator.injectFault(fault);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MicrosoftEmulatorError);
    expect((thrown as MicrosoftEmulatorError).code).toBe(MicrosoftEmulatorErrorCode.FaultInvalid);
  });

  it('close() ends a request still waiting on a slow fault', async () => {
    const other = await startDemo();
    other.emulator.injectFault({ target: 'graph', kind: 'slow', count: 1, delayMs: 60_000 });
    const pending = postJson(sendMailUrl(other), undefined, simpleMessage()).then(
      (response) => response.status,
      () => 'failed',
    );
    // Let the request reach the listener before closing.
    while (other.emulator.requestCounts().graph === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await other.emulator.close();
    expect(await pending).toBe('failed');
    expect(other.emulator.sentMessages()).toEqual([]);
  });
});
