import type { IncomingMessage } from 'node:http';

import { createRequestGuard } from '../../../../local/host/server/request-guard';

const guard = createRequestGuard(() => 4000);

const request = (method: string, headers: Record<string, string>): IncomingMessage =>
  ({ method, url: '/__forge/invoke', headers }) as unknown as IncomingMessage;

describe('the request guard', () => {
  it.each([
    ['GET', { host: '127.0.0.1:4000' }],
    ['GET', { host: 'localhost:4000' }],
    ['HEAD', { host: '127.0.0.1:4000', origin: 'https://evil.example' }],
    ['POST', { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }],
    ['POST', { host: '127.0.0.1:4000', origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site' }],
    ['POST', { host: '127.0.0.1:4000' }],
  ])('lets %s %j through', (method, headers) => {
    expect(() => guard(request(method, headers))).not.toThrow();
  });

  it.each([
    ['GET', { host: 'evil.example:4000' }, 421, 'WRONG_HOST'],
    ['GET', { host: '127.0.0.1:4001' }, 421, 'WRONG_HOST'],
    ['GET', {}, 421, 'WRONG_HOST'],
    ['POST', { host: '127.0.0.1:4000', origin: 'https://evil.example' }, 403, 'CROSS_ORIGIN'],
    ['POST', { host: '127.0.0.1:4000', origin: 'null' }, 403, 'CROSS_ORIGIN'],
    ['POST', { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4001' }, 403, 'CROSS_ORIGIN'],
    ['POST', { host: '127.0.0.1:4000', 'sec-fetch-site': 'cross-site' }, 403, 'CROSS_SITE'],
  ])('refuses %s %j with %d %s', (method, headers, status, code) => {
    let caught: unknown;
    try {
      guard(request(method, headers));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ status, code });
  });
});
