import { loadOnce } from '../../shared/load-once';

/** postal-mime (MIT-0, no dependencies) on first use: only a message whose headers left a doubt needs it. */
const loadPostalMime = loadOnce(
  async () => (await import(/* webpackChunkName: "postal-mime" */ 'postal-mime')).default,
);

export interface DeliveryReport {
  isReport: boolean;
  /** `delivery-status` (a DSN, RFC 3464) or `disposition-notification` (a read receipt, RFC 8098). */
  reportType?: string;
  /** The Message-ID of the returned message, when the report carries it: which of the app's emails bounced. */
  originalMessageId?: string;
}

const REPORT_PARTS = new Set(['message/delivery-status', 'message/disposition-notification']);

const reportTypeOf = (contentType: string): string | undefined =>
  /;\s*report-type\s*=\s*"?([a-z-]{1,40})"?/i.exec(contentType)?.[1]?.toLowerCase();

/**
 * Whether raw MIME (Graph's `GET …/messages/{id}/$value`) is a delivery or read report: a top-level
 * `multipart/report`, or a `message/delivery-status` / `message/disposition-notification` part. Exchange's own
 * NDRs may not look like RFC 3464 through Graph (graph-inbound.md §3.2), so headers and sender are checked first
 * (classifyNoise) and this only when they leave a doubt.
 */
export const parseDeliveryReport = async (raw: string | ArrayBuffer | Uint8Array): Promise<DeliveryReport> => {
  const PostalMime = await loadPostalMime();
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const contentType = email.headers.find((header) => header.key === 'content-type')?.value ?? '';
  const topLevel = contentType.split(';')[0]!.trim().toLowerCase() === 'multipart/report';
  const part = email.attachments.find((attachment) => REPORT_PARTS.has(attachment.mimeType));
  if (!topLevel && part === undefined) return { isReport: false };
  const reportType = reportTypeOf(contentType) ?? part?.mimeType.slice('message/'.length);
  const returned = email.attachments.find((attachment) => attachment.mimeType === 'message/rfc822');
  const originalMessageId = returned === undefined ? undefined : (await PostalMime.parse(returned.content)).messageId;
  return {
    isReport: true,
    ...(reportType === undefined ? {} : { reportType }),
    ...(originalMessageId === undefined ? {} : { originalMessageId }),
  };
};
