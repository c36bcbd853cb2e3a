/**
 * One incoming message as the pure functions of src/incoming/ (content, noise, matching) read it: plain data, never
 * a client or a request, whichever mail service brought it (src/mail-model/incoming-message.ts is what processing
 * reads; these are the parts those functions need, nullable as the services give them).
 */

/** `body` and `uniqueBody`: HTML, or text. */
export interface MessageBody {
  contentType: 'html' | 'text';
  content: string;
}

/** One of `internetMessageHeaders`; names arrive in any case (RFC 5322 header names are case-insensitive). */
export interface MessageHeader {
  name: string;
  value: string;
}

/** `from`: a name and an address, either may be missing. */
export interface EmailAddress {
  name?: string | null;
  address?: string | null;
}

/**
 * An attachment as listed without its bytes; `contentId` arrives without angle brackets and matches `cid:` in the
 * HTML body.
 */
export interface AttachmentInfo {
  name: string;
  contentType: string | null;
  size: number;
  isInline: boolean;
  contentId?: string | null;
}

export interface ContentMessage {
  subject?: string | null;
  from?: EmailAddress | null;
  /** When it was sent (ISO 8601), for the "who wrote it and when" line. */
  sentDateTime?: string | null;
  receivedDateTime?: string | null;
  body: MessageBody;
  /**
   * The service's "part of the body … unique to the current message", when it has one: only a hint. It still holds
   * quoted history of replies from other mail programs (graph-inbound.md §3), and signatures are not its business,
   * so the reply parsers run on it too.
   */
  uniqueBody?: MessageBody | null;
  internetMessageHeaders?: readonly MessageHeader[] | null;
}
