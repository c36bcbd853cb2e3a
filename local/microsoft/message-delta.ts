import type { EmulatorContext } from './context';
import type { DeltaItem, DeltaParams, DeltaState } from './delta-tokens';
import { resolveFolder } from './folder-lookup';
import { type Answer, errorAnswer } from './graph-answer';
import { GraphErrors } from './graph-errors';
import { projectMessage, SELECTABLE_MESSAGE_PROPERTIES } from './graph-message';
import { InboundErrors } from './inbound-errors';
import type { OpenedRequest } from './inbound-router';
import type { FolderMessage } from './mail-store';
import { receivedMessage } from './received-message';

type Json = Record<string, unknown>;

/** Messages per delta page without odata.maxpagesize or $top [unconfirmed: Graph's default is not documented]. */
export const DEFAULT_DELTA_PAGE_SIZE = 10;
export const MAX_DELTA_PAGE_SIZE = 1000;
/** delta-query-messages: with $filter, the initial round returns at most 5,000 messages. */
export const DELTA_FILTER_CAP = 5000;

const RECEIVED_FILTER = /^\s*receivedDateTime\s+(ge|gt)\s+(\S+)\s*$/i;
const CHANGE_TYPES = ['created', 'updated', 'deleted'] as const;

type Parsed = { ok: true; params: DeltaParams } | { ok: false; answer: Answer };

const bad = (answer: Answer): Parsed => ({ ok: false, answer });

/** The first request of a round: its parameters, which the tokens then carry (delta-query-messages). */
const parseInitial = (request: OpenedRequest, folderId: string): Parsed => {
  const { query } = request;
  let select: string[] | undefined;
  const selectText = query.get('$select');
  if (selectText !== null) {
    select = [];
    for (const raw of selectText
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')) {
      const name = SELECTABLE_MESSAGE_PROPERTIES.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
      if (name === undefined) return bad(errorAnswer(GraphErrors.unknownProperty(raw, 'message')));
      select.push(name);
    }
  }
  let filter: DeltaParams['filter'];
  const filterText = query.get('$filter');
  if (filterText !== null) {
    const match = RECEIVED_FILTER.exec(filterText);
    const at = match?.[2] === undefined ? NaN : Date.parse(match[2].replace(/^'|'$/g, ''));
    if (match === null || !Number.isFinite(at)) return bad(errorAnswer(InboundErrors.deltaFilterUnsupported()));
    filter = { op: match[1]?.toLowerCase() === 'gt' ? 'gt' : 'ge', at };
  }
  const orderBy = query.get('$orderby');
  if (orderBy !== null && !/^\s*receivedDateTime\s+desc\s*$/i.test(orderBy))
    return bad(errorAnswer(InboundErrors.deltaOrderByUnsupported()));
  const changeTypeText = query.get('changeType')?.toLowerCase();
  const changeType = CHANGE_TYPES.find((type) => type === changeTypeText);
  if (changeTypeText !== undefined && changeType === undefined)
    return bad(errorAnswer(InboundErrors.invalidRequest(`Invalid changeType '${changeTypeText}'.`)));
  for (const name of query.keys()) {
    if (['$search', '$skip', '$count'].includes(name.toLowerCase()))
      return bad(errorAnswer(GraphErrors.notImplemented('GET', `${request.path}?${name}`)));
  }
  const top = query.get('$top');
  if (top !== null && !/^\d+$/.test(top)) return bad(errorAnswer(GraphErrors.invalidQueryNumber('$top', top)));
  const maxPageSize = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(request.prefer ?? '')?.[1];
  const asked = maxPageSize ?? top;
  return {
    ok: true,
    params: {
      mailbox: request.mailbox.userPrincipalName,
      folderId,
      path: request.path,
      select,
      changeType,
      filter,
      newestFirst: orderBy !== null,
      pageSize: Math.max(
        1,
        Math.min(asked === undefined || asked === null ? DEFAULT_DELTA_PAGE_SIZE : Number(asked), MAX_DELTA_PAGE_SIZE),
      ),
      maxPageSizeAsked: maxPageSize !== undefined,
    },
  };
};

const passesFilter = (params: DeltaParams, message: FolderMessage): boolean => {
  if (params.filter === undefined) return true;
  const at = Date.parse(message.receivedDateTime);
  return params.filter.op === 'ge' ? at >= params.filter.at : at > params.filter.at;
};

const ordered = (params: DeltaParams, messages: FolderMessage[]): FolderMessage[] =>
  params.newestFirst
    ? [...messages].sort((a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime))
    : messages;

/** The initial round: every message now in the folder that the filter lets through (changeType does not apply). */
const initialItems = (ctx: EmulatorContext, params: DeltaParams): DeltaItem[] => {
  const matching = ordered(
    params,
    ctx.mail.list(params.mailbox, params.folderId).filter((m) => passesFilter(params, m)),
  );
  const capped = params.filter === undefined ? matching : matching.slice(0, DELTA_FILTER_CAP);
  return capped.map((message) => ({ immutableId: message.immutableId, removed: false }));
};

/** A later round: what changed in the folder since `seq`, one item per message; moved out or deleted ones @removed. */
const changedItems = (ctx: EmulatorContext, params: DeltaParams, seq: number): DeltaItem[] => {
  const byMessage = new Map<string, { created: boolean; wasThere: boolean; restId: string }>();
  for (const entry of ctx.mail.changesSince(params.mailbox, params.folderId, seq)) {
    const seen = byMessage.get(entry.immutableId);
    if (seen === undefined)
      byMessage.set(entry.immutableId, {
        created: entry.kind === 'created',
        wasThere: entry.kind !== 'created',
        restId: entry.restId,
      });
    else {
      seen.created ||= entry.kind === 'created';
      seen.restId = entry.restId;
    }
  }
  const items: DeltaItem[] = [];
  for (const [immutableId, change] of byMessage) {
    const current = ctx.mail.find(params.mailbox, immutableId);
    if (current !== undefined && current.folderId === params.folderId) {
      const kind = change.created && !change.wasThere ? 'created' : 'updated';
      if ((params.changeType === undefined || params.changeType === kind) && passesFilter(params, current))
        items.push({ immutableId, removed: false });
    } else if (change.wasThere && (params.changeType === undefined || params.changeType === 'deleted')) {
      items.push({ immutableId, restId: change.restId, removed: true });
    }
  }
  return items;
};

const render = (ctx: EmulatorContext, request: OpenedRequest, params: DeltaParams, item: DeltaItem): Json => {
  const current = item.removed ? undefined : ctx.mail.find(params.mailbox, item.immutableId);
  if (current === undefined || current.folderId !== params.folderId) {
    const id = request.view.immutableIds ? item.immutableId : item.removed ? item.restId : item.immutableId;
    return { '@odata.type': '#microsoft.graph.message', id, '@removed': { reason: 'deleted' } };
  }
  return {
    '@odata.type': '#microsoft.graph.message',
    ...projectMessage(receivedMessage(current, request.view), params.select),
  };
};

/** One page of a round: nextLink ($skiptoken) while items remain, deltaLink ($deltatoken) at the end, never both. */
const page = (
  ctx: EmulatorContext,
  request: OpenedRequest,
  state: { params: DeltaParams; seq: number; pending: DeltaItem[] },
): Answer => {
  const { params } = state;
  const shown = state.pending.slice(0, params.pageSize);
  const rest = state.pending.slice(params.pageSize);
  const link = (name: string, next: DeltaState) =>
    `${ctx.urls.graph}${params.path}?${name}=${ctx.inbound.deltaTokens.issue(next)}`;
  const body: Json = { '@odata.context': `${ctx.urls.graph}/${request.version}/$metadata#Collection(message)` };
  if (rest.length > 0)
    body['@odata.nextLink'] = link('$skiptoken', { kind: 'skip', params, seq: state.seq, pending: rest });
  else body['@odata.deltaLink'] = link('$deltatoken', { kind: 'delta', params, seq: state.seq });
  body.value = shown.map((item) => render(ctx, request, params, item));
  const applied = [
    ...(params.maxPageSizeAsked ? [`odata.maxpagesize=${params.pageSize}`] : []),
    ...(request.preferenceHeaders['Preference-Applied'] === undefined
      ? []
      : [request.preferenceHeaders['Preference-Applied']]),
  ];
  return { kind: 'json', body, headers: applied.length === 0 ? {} : { 'Preference-Applied': applied.join(', ') } };
};

/**
 * GET /users/{id}/mailFolders/{id}/messages/delta: rounds over a folder's change journal.
 * https://learn.microsoft.com/en-us/graph/api/message-delta?view=graph-rest-1.0 ,
 * https://learn.microsoft.com/en-us/graph/delta-query-messages . Unknown, expired (expireDeltaTokens()) or
 * journal-trimmed tokens, and `$deltatoken=latest` (not documented for messages), answer 410 syncStateNotFound.
 */
export const handleMessageDelta = (ctx: EmulatorContext, request: OpenedRequest): Answer => {
  const folder = resolveFolder(ctx, request.mailbox, request.segments[1] ?? '');
  if (folder.kind === 'malformed') return errorAnswer(GraphErrors.invalidIdMalformed());
  if (folder.kind === 'not-found') return errorAnswer(GraphErrors.itemNotFound());
  const token = request.query.get('$skiptoken') ?? request.query.get('$deltatoken');
  if (token !== null) {
    const state = ctx.inbound.deltaTokens.take(token);
    const { seq, oldestKept } = ctx.mail.position(request.mailbox.userPrincipalName);
    if (state === undefined || state.params.folderId !== folder.folder.id || state.seq + 1 < oldestKept)
      return errorAnswer(InboundErrors.syncStateNotFound());
    if (state.kind === 'skip') return page(ctx, request, state);
    return page(ctx, request, { params: state.params, seq, pending: changedItems(ctx, state.params, state.seq) });
  }
  const parsed = parseInitial(request, folder.folder.id);
  if (!parsed.ok) return parsed.answer;
  const { seq } = ctx.mail.position(request.mailbox.userPrincipalName);
  return page(ctx, request, { params: parsed.params, seq, pending: initialItems(ctx, parsed.params) });
};
