import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

export interface LoopbackServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * One HTTP listener on a loopback address. A handler that throws answers 500 (its message goes to the log, never
 * request bodies or tokens) instead of leaving the client waiting.
 */
export const startLoopbackServer = async (handler: Handler, port: number, host: string): Promise<LoopbackServer> => {
  if (!isLoopbackHost(host)) {
    throw new GoogleEmulatorError(
      GoogleEmulatorErrorCode.NotLoopback,
      `The Google emulator listens on loopback only, not on ${host}`,
    );
  }
  let closing = false;
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (closing || res.headersSent || req.socket.destroyed) {
        res.destroy();
        return;
      }
      const name = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
      console.error(`Google emulator failed on ${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}: ${name}`);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
    });
  });
  server.listen(port, host);
  try {
    // events.once rejects when 'error' comes first.
    await once(server, 'listening');
  } catch (error) {
    throw new GoogleEmulatorError(
      GoogleEmulatorErrorCode.ListenFailed,
      `The Google emulator cannot listen on ${host}:${port}`,
      { cause: error },
    );
  }
  const { address, family, port: bound } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${family === 'IPv6' ? `[${address}]` : address}:${bound}`,
    close: () => {
      closing = true;
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
};
