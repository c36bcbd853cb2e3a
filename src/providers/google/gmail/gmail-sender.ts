import type { Readable } from 'node:stream';

import type { OutgoingMessage } from '../../../mail-model/outgoing-message';
import { type Clock, newUuid, systemClock } from '../../../shared/seams';
import { readSentMessage, type SentMessage } from './gmail-answers';
import { GmailError, GmailErrorCode } from './gmail-errors';
import {
  describeGmailCall,
  GMAIL_BASE_URL,
  gmailRequest,
  type GmailRequestDeps,
  gmailUrlProblem,
} from './gmail-request';
import {
  buildMimeMessage,
  estimateMimeBytes,
  type GmailSender,
  type MimeMessageInput,
  mimeMessageStream,
  type ThreadingHeaders,
} from './mime-message';

/*
 * Uploads as https://developers.google.com/workspace/gmail/api/guides/uploads describes them: the /upload URI of
 * users.messages.send takes the raw RFC 822 bytes (no base64, unlike the JSON `raw`, which would grow by 4/3);
 * `uploadType=multipart` is "for quick transfer of smaller files and metadata" (the metadata carries `threadId`), the
 * guide's example size for the simple ones is 5 MB or less; `uploadType=resumable` for larger ones, in chunks that
 * are multiples of 256 KB, each answered 308 with `Range` until the last. The method's media limit is 35 MB
 * (`maxSize` 36700160 in the discovery document, accept `message/*`).
 */
export const MAX_GMAIL_MESSAGE_BYTES = 36_700_160;
export const SIMPLE_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const CHUNK_GRANULE = 256 * 1024;
export const DEFAULT_CHUNK_BYTES = 16 * CHUNK_GRANULE;
/** How often one chunk may be resumed after it was lost on the way. */
const MAX_RESUMES = 3;

export interface GmailSendDeps extends GmailRequestDeps {
  /** Where Gmail is; the emulator's URL in local runs. */
  baseUrl?: string;
  /** Bytes per resumable chunk: a multiple of 256 KiB. */
  chunkBytes?: number;
  newBoundary?: () => string;
}

export interface GmailSendOptions {
  /** Gmail's thread of the message this one answers; Gmail keeps it only if Subject and References match too. */
  threadId?: string;
  threading?: ThreadingHeaders;
  /**
   * The latest time (epoch ms) the send may start: a pacing slot, as for Graph. Checked before the first request
   * (the multipart send, or the resumable session's start); an upload once started runs to its end.
   */
  sendBy?: number;
}

export interface GmailSendResult {
  messageId: string;
  threadId: string;
  labelIds: readonly string[];
  internetMessageId: string | undefined;
  attempts: number;
  uploadType: 'multipart' | 'resumable';
}

export type UploadPlan = { uploadType: 'multipart' | 'resumable' } | { tooLarge: true };

/** Which upload a message of (about) `bytes` takes. */
export const planGmailUpload = (bytes: number): UploadPlan => {
  if (bytes > MAX_GMAIL_MESSAGE_BYTES) return { tooLarge: true };
  return { uploadType: bytes <= SIMPLE_UPLOAD_MAX_BYTES ? 'multipart' : 'resumable' };
};

const UNSURE = 'the mail may or may not have been sent';

const tooLarge = (where: string, bytes: number): GmailError =>
  new GmailError(
    GmailErrorCode.MessageTooLarge,
    `${where} not sent: the message is about ${bytes} bytes, over Gmail's ${MAX_GMAIL_MESSAGE_BYTES}.`,
  );

/**
 * Sends `message` from `mailbox` through Gmail's users.messages.send upload URI and checks Gmail's answer. A message
 * over 35 MB is refused before anything is sent; streamed attachments are read only while the message is uploaded.
 */
export const sendGmailMessage = async (
  mailbox: GmailSender,
  message: OutgoingMessage,
  deps: GmailSendDeps,
  options: GmailSendOptions = {},
): Promise<GmailSendResult> => {
  const now: Clock = deps.now ?? systemClock;
  const input: MimeMessageInput = {
    sender: mailbox,
    message,
    ...(options.threading === undefined ? {} : { threading: options.threading }),
    date: new Date(now()),
  };
  const url = `${deps.baseUrl ?? GMAIL_BASE_URL}/upload/gmail/v1/users/me/messages/send`;
  const estimate = await estimateMimeBytes(input);
  const plan = planGmailUpload(estimate);
  if ('tooLarge' in plan) throw tooLarge(describeGmailCall('POST', url), estimate);
  const metadata = JSON.stringify(options.threadId === undefined ? {} : { threadId: options.threadId });
  const sent =
    plan.uploadType === 'multipart'
      ? await multipartUpload(url, input, metadata, deps, options.sendBy)
      : await resumableUpload(url, input, metadata, deps, options.sendBy);
  return {
    messageId: sent.message.id,
    threadId: sent.message.threadId,
    labelIds: sent.message.labelIds,
    internetMessageId: message.internetMessageId,
    attempts: sent.attempts,
    uploadType: plan.uploadType,
  };
};

interface Sent {
  message: SentMessage;
  attempts: number;
}

const multipartUpload = async (
  url: string,
  input: MimeMessageInput,
  metadata: string,
  deps: GmailSendDeps,
  sendBy: number | undefined,
): Promise<Sent> => {
  const target = `${url}?uploadType=multipart`;
  const raw = await buildMimeMessage(input);
  if (raw.byteLength > MAX_GMAIL_MESSAGE_BYTES) throw tooLarge(describeGmailCall('POST', target), raw.byteLength);
  const boundary = `issue-mailer-${(deps.newBoundary ?? newUuid)()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${metadata}\r\n` +
        `--${boundary}\r\nContent-Type: message/rfc822\r\n\r\n`,
      'utf8',
    ),
    raw,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  const answer = await gmailRequest(
    {
      method: 'POST',
      url: target,
      body: new Uint8Array(body),
      headers: { 'Content-Type': `multipart/related; boundary=${boundary}` },
      expect: [200],
      unsure: UNSURE,
      ...(sendBy === undefined ? {} : { sendBy }),
    },
    deps,
  );
  return {
    message: readSentMessage(answer.text, `${describeGmailCall('POST', target)} answered 200`),
    attempts: answer.attempts,
  };
};

/** Reads the stream into chunks of `size` bytes, the last one shorter; each with whether more follows. */
async function* chunksOf(stream: Readable, size: number): AsyncGenerator<{ bytes: Buffer; last: boolean }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of stream) {
    pending.push(piece as Buffer);
    pendingBytes += (piece as Buffer).byteLength;
    // Keep one byte more than a chunk before sending it, so that a chunk is never sent as last by mistake.
    while (pendingBytes > size) {
      const all = Buffer.concat(pending);
      yield { bytes: all.subarray(0, size), last: false };
      pending = [all.subarray(size)];
      pendingBytes = all.byteLength - size;
    }
  }
  yield { bytes: Buffer.concat(pending), last: true };
}

/** `Range: bytes=0-524287` as the count of bytes Google holds; none without the header. */
const receivedBytes = (range: string | null, where: string): number => {
  if (range === null) return 0;
  const match = /^bytes=0-(\d+)$/.exec(range.trim());
  if (match?.[1] === undefined) {
    throw new GmailError(GmailErrorCode.AnswerInvalid, `${where} answered 308 with an unreadable "Range" header.`, {
      status: 308,
    });
  }
  return Number(match[1]) + 1;
};

const resumableUpload = async (
  url: string,
  input: MimeMessageInput,
  metadata: string,
  deps: GmailSendDeps,
  sendBy: number | undefined,
): Promise<Sent> => {
  const start = `${url}?uploadType=resumable`;
  const startWhere = describeGmailCall('POST', start);
  const chunkBytes = deps.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (chunkBytes <= 0 || chunkBytes % CHUNK_GRANULE !== 0) {
    throw new RangeError(`chunkBytes must be a positive multiple of ${CHUNK_GRANULE}, not ${chunkBytes}.`);
  }
  const opened = await gmailRequest(
    {
      method: 'POST',
      url: start,
      body: metadata,
      headers: { 'Content-Type': 'application/json; charset=UTF-8', 'X-Upload-Content-Type': 'message/rfc822' },
      expect: [200],
      ...(sendBy === undefined ? {} : { sendBy }),
    },
    deps,
  );
  const session = opened.headers.get('location');
  if (session === null || gmailUrlProblem(session, deps.env ?? process.env) !== undefined) {
    throw new GmailError(
      GmailErrorCode.AnswerInvalid,
      `${startWhere} answered 200 without a usable "Location" header for the upload session.`,
      { status: 200 },
    );
  }
  // The session URL is a credential for the upload: messages name only the path it shares with the start.
  const where = describeGmailCall('PUT', start);
  let attempts = opened.attempts;
  let offset = 0;
  for await (const { bytes, last } of chunksOf(mimeMessageStream(input), chunkBytes)) {
    if (offset + bytes.byteLength > MAX_GMAIL_MESSAGE_BYTES) throw tooLarge(where, offset + bytes.byteLength);
    const total = last ? String(offset + bytes.byteLength) : '*';
    let sentFrom = 0;
    for (let resumes = 0; ; resumes += 1) {
      try {
        const part = bytes.subarray(sentFrom);
        const answer = await gmailRequest(
          {
            method: 'PUT',
            url: session,
            body: new Uint8Array(part),
            headers: {
              'Content-Type': 'message/rfc822',
              'Content-Range':
                part.byteLength === 0
                  ? `bytes */${total}`
                  : `bytes ${offset + sentFrom}-${offset + bytes.byteLength - 1}/${total}`,
            },
            expect: last ? [200, 201] : [308],
            redirect: 'manual',
            unsure: UNSURE,
          },
          deps,
        );
        attempts += answer.attempts;
        if (last) return { message: readSentMessage(answer.text, `${where} answered ${answer.status}`), attempts };
        const held = receivedBytes(answer.headers.get('range'), where);
        if (held !== offset + bytes.byteLength) {
          throw new GmailError(
            GmailErrorCode.AnswerInvalid,
            `${where} answered 308 holding ${held} bytes; ${offset + bytes.byteLength} were sent.`,
            { status: 308 },
          );
        }
        break;
      } catch (error) {
        if (!(error instanceof GmailError) || !error.transient || resumes >= MAX_RESUMES) throw error;
        // The guide's "Resume an interrupted upload": ask the session how much it holds, then send the rest.
        const status = await gmailRequest(
          {
            method: 'PUT',
            url: session,
            headers: { 'Content-Range': `bytes */${total}` },
            expect: [200, 201, 308],
            redirect: 'manual',
          },
          deps,
        );
        attempts += status.attempts;
        if (status.status !== 308) {
          return { message: readSentMessage(status.text, `${where} answered ${status.status}`), attempts };
        }
        sentFrom = Math.max(0, receivedBytes(status.headers.get('range'), where) - offset);
      }
    }
    offset += bytes.byteLength;
  }
  throw new GmailError(GmailErrorCode.AnswerInvalid, `${where}: the message stream ended without a last chunk.`);
};
