/**
 * One incoming message as Microsoft Graph returns it (GET /users/{id}/messages/{id} with `$select=…,body,uniqueBody,
 * internetMessageHeaders`): the plain data the pure functions of src/incoming/ read, never a client or a request.
 * https://learn.microsoft.com/en-us/graph/api/resources/message?view=graph-rest-1.0
 */

/** `body` and `uniqueBody`: HTML unless the request asked for text (`Prefer: outlook.body-content-type="text"`). */
export interface MessageBody {
  contentType: 'html' | 'text';
  content: string;
}

/** One of `internetMessageHeaders`; names arrive in any case (RFC 5322 header names are case-insensitive). */
export interface MessageHeader {
  name: string;
  value: string;
}

export interface EmailAddress {
  name?: string | null;
  address?: string | null;
}

/** `from`, `sender`, each recipient: Graph's recipient resource. */
export interface Recipient {
  emailAddress: EmailAddress;
}

/**
 * An attachment as listed without its bytes (`$select=id,name,contentType,size,isInline` and the fileAttachment
 * cast for `contentId`, which arrives without angle brackets and matches `cid:` in the HTML body).
 * https://learn.microsoft.com/en-us/graph/api/message-list-attachments?view=graph-rest-1.0
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
  from?: Recipient | null;
  /** When it was sent (ISO 8601), for the "who wrote it and when" line. */
  sentDateTime?: string | null;
  receivedDateTime?: string | null;
  body: MessageBody;
  /**
   * "The part of the body … unique to the current message": only a hint. It still holds Gmail's quoted history
   * (graph-inbound.md §3), and signatures are not its business, so the reply parsers run on it too.
   */
  uniqueBody?: MessageBody | null;
  internetMessageHeaders?: readonly MessageHeader[] | null;
}
