import { randomBytes } from 'node:crypto';

/** One resumable upload session: who opened it, its metadata, and the bytes received so far. */
export interface UploadSession {
  user: string;
  threadId: string | undefined;
  pieces: Buffer[];
  received: number;
}

/** Resumable upload sessions by `upload_id`. */
export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  open(user: string, threadId: string | undefined): string {
    const id = `ADPycd${randomBytes(24).toString('base64url')}`;
    this.sessions.set(id, { user, threadId, pieces: [], received: 0 });
    return id;
  }

  get(id: string): UploadSession | undefined {
    return this.sessions.get(id);
  }

  close(id: string): void {
    this.sessions.delete(id);
  }
}

/** `bytes 0-262143/1000000`, `bytes 0-262143/*` or the status query `bytes *\/1000000`, `bytes *\/*`. */
export type ContentRange =
  | { kind: 'query'; total: number | undefined }
  | { kind: 'bytes'; first: number; last: number; total: number | undefined };

export const parseContentRange = (header: string | undefined): ContentRange | undefined => {
  if (header === undefined) return undefined;
  const query = /^bytes \*\/(\d+|\*)$/.exec(header.trim());
  if (query?.[1] !== undefined) return { kind: 'query', total: query[1] === '*' ? undefined : Number(query[1]) };
  const bytes = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (bytes?.[1] === undefined || bytes[2] === undefined || bytes[3] === undefined) return undefined;
  const range = {
    kind: 'bytes' as const,
    first: Number(bytes[1]),
    last: Number(bytes[2]),
    total: bytes[3] === '*' ? undefined : Number(bytes[3]),
  };
  return range.last < range.first ? undefined : range;
};

/**
 * The two parts of an `uploadType=multipart` body (https://developers.google.com/workspace/gmail/api/guides/uploads:
 * metadata first, then the media), or undefined when the body is not that.
 */
export const splitMultipartRelated = (
  contentType: string | undefined,
  body: Buffer,
): { metadata: Buffer; media: Buffer } | undefined => {
  const boundary = /^multipart\/related;\s*boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (boundary === undefined) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    parts.push(body.subarray(at + delimiter.length, next));
    at = next;
  }
  const content = (part: Buffer | undefined): Buffer | undefined => {
    if (part === undefined) return undefined;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return undefined;
    const end = part.subarray(part.length - 2).toString('latin1') === '\r\n' ? part.length - 2 : part.length;
    return part.subarray(headerEnd + 4, end);
  };
  const metadata = content(parts[0]);
  const media = content(parts[1]);
  return metadata === undefined || media === undefined ? undefined : { metadata, media };
};
