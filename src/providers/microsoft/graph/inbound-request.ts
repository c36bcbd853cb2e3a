import { GraphError, GraphErrorCode } from './errors';
import { allowedBase } from './graph-base';
import type { GraphClientDeps, GraphReceipt } from './graph-request';
import { userPath } from './mail-client';

/**
 * Sent on every incoming-mail call: ids that stay the same when a message moves (to "Processed by Issue Mailer")
 * within the mailbox, so an id in the incoming log still resolves, and notifications carry the same ids as delta
 * and GET (https://learn.microsoft.com/en-us/graph/outlook-immutable-id: the header applies only to the request it
 * comes with; a subscription created without it keeps sending the changing ids, so switching means recreating it).
 * Folder ids are constant anyway (that page), so folder calls send it only for uniformity. Immutable ids are
 * case-sensitive, like every Graph id. Several preferences go in one `Prefer` header, comma-separated (RFC 7240
 * section 2).
 */
export const IMMUTABLE_ID = 'IdType="ImmutableId"';

export const preferHeaders = (...more: string[]): Record<string, string> => ({
  Prefer: [IMMUTABLE_ID, ...more].join(', '),
});

/** The receipt without the body text: what a caller keeps (Graph's request-id for the incoming log). */
export type InboundReceipt = Omit<GraphReceipt, 'text'>;

export const withoutText = ({ text: _text, ...receipt }: GraphReceipt): InboundReceipt => receipt;

/** `{base}/users/{mailbox}` (or `{base}/me` as the signed-in user) with the egress policy checked. */
export const mailboxUrl = (deps: Pick<GraphClientDeps, 'graphBaseUrl' | 'env' | 'actingAs'>, mailbox: string): string =>
  userPath(deps, mailbox);

/** One path segment: a Graph id or well-known folder name (`inbox`), encoded. */
export const segment = (id: string): string => encodeURIComponent(id);

/**
 * A query value encoded, except `,` `/` `:` (legal in a query, RFC 3986 section 3.4), so the URL reads as Graph's
 * docs write it: `$select=id,microsoft.graph.fileAttachment/contentId`, `receivedDateTime ge 2030-01-01T00:00:00Z`.
 */
const queryValue = (value: string): string =>
  encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');

/** A query string from OData options, each value encoded: `?$select=id,subject&$filter=a%20eq%20'b'`. */
export const odataQuery = (options: Readonly<Record<string, string | undefined>>): string => {
  const parts = Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${queryValue(value)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
};

/** OData string literal: a quote inside is doubled (`O'Brien` -> `'O''Brien'`). */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * A link Graph handed out (delta's nextLink and deltaLink, a list's nextLink), checked before the bearer token goes
 * to it: it must lie under the credential's own Graph base. The link itself is opaque and followed verbatim.
 */
export const followableLink = (link: string, deps: Pick<GraphClientDeps, 'graphBaseUrl' | 'env'>): string => {
  const base = allowedBase(deps.graphBaseUrl, deps.env);
  let url: URL;
  try {
    url = new URL(link);
  } catch (error) {
    throw new GraphError(GraphErrorCode.ResponseInvalid, 'Graph handed out a link that is not a URL.', {
      cause: error,
    });
  }
  const baseUrl = new URL(base);
  if (url.origin !== baseUrl.origin || !`${url.pathname}/`.startsWith(`${baseUrl.pathname}/`)) {
    throw new GraphError(
      GraphErrorCode.ResponseInvalid,
      `Graph handed out a link to ${url.host}, outside the Graph base URL; not followed.`,
    );
  }
  return link;
};
