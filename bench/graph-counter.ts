/**
 * A pass-through HTTP proxy in front of the Graph emulator that counts the app's Graph API calls by kind. Upload
 * URLs point at the emulator itself (they carry their own credential), so chunk PUTs bypass the proxy: they are
 * the emulator's Graph request count minus what passed here.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type GraphCallKind = 'draft' | 'attachment' | 'uploadSession' | 'send' | 'other';

export interface GraphCounter {
  /** e.g. http://127.0.0.1:40123: use `${url}/v1.0` as the Graph base. */
  readonly url: string;
  counts: () => Record<GraphCallKind, number>;
  reset: () => void;
  close: () => Promise<void>;
}

/** The kind of a Graph call by method and path (Microsoft Graph mail API: user/messages/...). */
export const graphCallKind = (method: string, pathname: string): GraphCallKind => {
  if (method !== 'POST') return 'other';
  if (/\/attachments\/createUploadSession$/.test(pathname)) return 'uploadSession';
  if (/\/messages\/[^/]+\/attachments$/.test(pathname)) return 'attachment';
  if (/\/(sendMail|messages\/[^/]+\/send)$/.test(pathname)) return 'send';
  if (/\/users\/[^/]+\/messages$/.test(pathname)) return 'draft';
  return 'other';
};

const zero = (): Record<GraphCallKind, number> => ({ draft: 0, attachment: 0, uploadSession: 0, send: 0, other: 0 });

export const startGraphCounter = async (target: string): Promise<GraphCounter> => {
  const upstream = new URL(target);
  let counts = zero();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', upstream);
    counts[graphCallKind(req.method ?? 'GET', url.pathname)] += 1;
    const forward = httpRequest(
      url,
      { method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    reset: () => {
      counts = zero();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
