import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

import { readBodyWithin } from '../../../shared/http-kit';
import type { ForgeFetch, ForgeFetchTarget } from '../forge-fetch';
import type { InvocationScope, InvocationScopes } from '../invocation-scope';
import { TARGET_HEADER, TOKEN_HEADER } from './proxy-headers';

/**
 * The platform proxy of functions that run in worker processes: each `__forge_fetch__` call of a worker arrives
 * here with its target and its invocation's proxy token, and is answered by the host's own routes (kvs, the local
 * Jira, the queue) inside that invocation's scope, so `asUser()` acts as the invocation's user and the stats count.
 * Listens on loopback only; a token is valid while its invocation runs.
 */
export interface PlatformProxy {
  readonly url: string;
  /** Makes the scope's proxy token valid until the returned function is called. */
  admit: (scope: InvocationScope) => () => void;
  close: () => Promise<void>;
}

/** The worker's request body, whole (the worker process is the app's own code on loopback); none when empty. */
const readBody = async (request: IncomingMessage): Promise<Buffer | undefined> => {
  const result = await readBodyWithin(request, Number.POSITIVE_INFINITY);
  return result.tooLarge || result.body.length === 0 ? undefined : result.body;
};

const refuse = (response: ServerResponse, status: number, message: string): void => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ message }));
};

export const startPlatformProxy = async (options: {
  forgeFetch: ForgeFetch;
  scopes: InvocationScopes;
}): Promise<PlatformProxy> => {
  const admitted = new Map<string, InvocationScope>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const scope = admitted.get(String(request.headers[TOKEN_HEADER] ?? ''));
    if (!scope) return refuse(response, 403, 'No invocation holds this proxy token');
    let target: ForgeFetchTarget;
    try {
      target = JSON.parse(String(request.headers[TARGET_HEADER] ?? '')) as ForgeFetchTarget;
    } catch {
      return refuse(response, 400, 'The platform call names no target');
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (
        name === TARGET_HEADER ||
        name === TOKEN_HEADER ||
        name === 'host' ||
        name === 'connection' ||
        name === 'content-length'
      )
        continue;
      if (name === 'transfer-encoding' || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    const answer = await options.scopes.run(scope, () =>
      options.forgeFetch(target, request.url ?? '/', {
        method,
        headers,
        ...(body !== undefined ? { body: new Uint8Array(body) } : {}),
      }),
    );
    const outgoing: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding') outgoing[name] = value;
    });
    response.writeHead(answer.status, answer.statusText, outgoing);
    if (answer.body === null) {
      response.end();
      return;
    }
    // Streamed through: a large attachment never sits whole in either process.
    await pipeline(Readable.fromWeb(answer.body as WebReadableStream), response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        refuse(response, 500, `The local platform failed: ${error instanceof Error ? error.name : 'error'}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    admit: (scope) => {
      admitted.set(scope.proxyToken, scope);
      return () => admitted.delete(scope.proxyToken);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
