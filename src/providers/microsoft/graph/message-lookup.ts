import type { MessageTrace } from '../../../mail-model/outgoing-message';
import { readMessageLookup } from './graph-answers';
import { type GraphClientDeps, graphJson } from './graph-request';
import { userPath } from './mail-client';

/** OData string literal: a quote inside is doubled. */
const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * `GET /users/{mailbox}/messages?$filter=internetMessageId eq '...'` (Mail.ReadWrite): looks in every folder of
 * the sender's mailbox for a message with this Message-ID. A sent one (Sent Items, `isDraft` false) means an
 * earlier attempt did go out; a draft means it was built but never sent.
 */
export const findMessageByInternetMessageId = async (
  mailbox: string,
  internetMessageId: string,
  deps: GraphClientDeps,
): Promise<MessageTrace> => {
  const query = new URLSearchParams({
    $filter: `internetMessageId eq ${odataString(internetMessageId)}`,
    $select: 'id,isDraft',
    $top: '5',
  });
  const url = `${userPath(deps, mailbox)}/messages?${query.toString()}`;
  const { data, requestId } = await graphJson({ method: 'GET', url, expect: [200] }, readMessageLookup, deps);
  const sent = data.value.find((message) => message.isDraft !== true);
  if (sent !== undefined) return { found: 'sent', messageId: sent.id, requestId };
  const draft = data.value[0];
  if (draft !== undefined) return { found: 'draft', messageId: draft.id, requestId };
  return { found: 'nothing', requestId };
};
