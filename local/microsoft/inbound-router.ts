import type { EmulatorContext } from './context';
import { handleChildFolders } from './folder-routes';
import { type Answer, errorAnswer } from './graph-answer';
import type { GraphCaller } from './graph-auth';
import { GraphErrors } from './graph-errors';
import { openMailbox } from './mailbox-access';
import { handleMessageDelta } from './message-delta';
import { handleMessage } from './message-routes';
import { type MessageView, readPrefer } from './received-message';
import type { EmulatedMailbox } from './types';

/** A Graph request under /users/{id}/ that the inbound-mail routes may answer. */
export interface InboundRequest {
  caller: GraphCaller;
  /** The `{id | userPrincipalName}` path segment as sent. */
  user: string;
  version: string;
  method: string;
  /** Path segments after the user. */
  segments: string[];
  query: URLSearchParams;
  /** The request path, for links and errors. */
  path: string;
  prefer: string | undefined;
  mediaType: string | undefined;
  body: Buffer;
}

/** What a route gets once permission and mailbox are checked. */
export interface OpenedRequest extends InboundRequest {
  mailbox: EmulatedMailbox;
  view: MessageView;
  /** Preference-Applied, when the Prefer header asked for anything the emulator honours. */
  preferenceHeaders: Record<string, string>;
}

/** Application permissions to read mail (message-get, message-delta, mailfolder-list-childfolders). */
const READ_ROLES = ['Mail.Read', 'Mail.ReadWrite'];
/** And to change it (message-update, message-move, mailfolder-post-childfolders). */
const WRITE_ROLES = ['Mail.ReadWrite'];

type Handler = (ctx: EmulatorContext, request: OpenedRequest) => Answer | Promise<Answer>;

/** The route of a request, or undefined when it is not an inbound-mail one (other routes then answer it). */
const match = (request: InboundRequest): { handler: Handler; write: boolean } | undefined => {
  const lower = request.segments.map((segment) => segment.toLowerCase());
  const { method } = request;
  const [first, , third, fourth] = lower;
  if (first === 'messages' && request.segments.length >= 2) {
    const rest = lower.slice(2);
    if (method === 'GET' && (rest.length === 0 || rest[0] === 'attachments' || rest[0] === '$value'))
      return { handler: handleMessage, write: false };
    if (method === 'PATCH' && rest.length === 0) return { handler: handleMessage, write: true };
    if (method === 'POST' && rest.length === 1 && ['move', 'microsoft.graph.move'].includes(rest[0] ?? ''))
      return { handler: handleMessage, write: true };
    return undefined;
  }
  if (first !== 'mailfolders' || request.segments.length < 3) return undefined;
  if (third === 'childfolders' && request.segments.length === 3 && (method === 'GET' || method === 'POST'))
    return { handler: handleChildFolders, write: method === 'POST' };
  if (third !== 'messages' || method !== 'GET' || fourth === undefined) return undefined;
  if (['delta', 'microsoft.graph.delta', 'delta()'].includes(fourth) && request.segments.length === 4)
    return { handler: handleMessageDelta, write: false };
  return { handler: handleMessage, write: false };
};

/**
 * The inbound-mail routes: one message (GET, PATCH isRead, move, attachments, `$value`), a folder's messages
 * delta, child folders. Permission first, then the mailbox as for every mail call (access policy included).
 */
export const routeInbound = async (ctx: EmulatorContext, request: InboundRequest): Promise<Answer | undefined> => {
  const route = match(request);
  if (route === undefined) return undefined;
  const roles = request.caller.roles ?? [];
  if (!roles.some((role) => (route.write ? WRITE_ROLES : READ_ROLES).includes(role)))
    return errorAnswer(GraphErrors.mailAccessDenied());
  const access = openMailbox(ctx, request.caller, request.user);
  if (!access.ok) return errorAnswer(access.error);
  const { applied, ...view } = readPrefer(request.prefer);
  return route.handler(ctx, {
    ...request,
    mailbox: access.mailbox,
    view,
    preferenceHeaders: applied.length === 0 ? {} : { 'Preference-Applied': applied.join(', ') },
  });
};

/** `{graph}/{version}/$metadata#users('{user}')`: the start of every @odata.context here. */
export const contextBase = (ctx: EmulatorContext, request: InboundRequest): string =>
  `${ctx.urls.graph}/${request.version}/$metadata#users('${encodeURIComponent(request.user)}')`;
