import type { IncomingMessage } from 'node:http';

import { HostHttpError } from '../../shared/http-kit';

/**
 * The host serves one user's browser on loopback. It answers only for its own host names (a page on another
 * site cannot reach it through DNS rebinding) and takes state-changing requests only from its own pages.
 */
export const createRequestGuard = (port: () => number) => {
  const allowedHosts = () => new Set([`127.0.0.1:${port()}`, `localhost:${port()}`]);

  return (request: IncomingMessage): void => {
    const hosts = allowedHosts();
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      throw new HostHttpError(421, 'This host only answers requests for 127.0.0.1 or localhost.', 'WRONG_HOST');
    }
    const method = request.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') return;
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new HostHttpError(403, `${method} ${request.url} is refused from another site.`, 'CROSS_SITE');
    }
    const origin = request.headers.origin;
    if (origin !== undefined) {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        host = '';
      }
      if (!hosts.has(host)) {
        throw new HostHttpError(403, `${method} ${request.url} is refused from origin ${origin}.`, 'CROSS_ORIGIN');
      }
    }
  };
};
