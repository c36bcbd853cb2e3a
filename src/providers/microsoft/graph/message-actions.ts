import { type GraphClientDeps, graphJson, graphRequest } from './graph-request';
import { readMovedMessage } from './inbound-answers';
import { goneAs } from './inbound-errors';
import { messageUrl } from './inbound-message';
import { type InboundReceipt, preferHeaders, withoutText } from './inbound-request';

/**
 * `PATCH /users/{mailbox}/messages/{id}` `{ isRead: true }` expecting 200 (Mail.ReadWrite,
 * https://learn.microsoft.com/en-us/graph/api/message-update?view=graph-rest-1.0). An `updated` change, which a
 * `created` subscription does not hear. Before a move: without immutable ids the old id dies with the move. The
 * answer (the whole message) is not needed. A plain 404 is GRAPH_ITEM_GONE (item `message`).
 */
export const markRead = (mailbox: string, messageId: string, deps: GraphClientDeps): Promise<InboundReceipt> =>
  goneAs('message', async () =>
    withoutText(
      await graphRequest(
        {
          method: 'PATCH',
          url: messageUrl(deps, mailbox, messageId),
          body: JSON.stringify({ isRead: true }),
          expect: [200],
          headers: preferHeaders(),
        },
        deps,
      ),
    ),
  );

/**
 * `POST /users/{mailbox}/messages/{id}/move` `{ destinationId }` (Mail.ReadWrite,
 * https://learn.microsoft.com/en-us/graph/api/message-move?view=graph-rest-1.0): the text says 201, copy's example
 * 200, so both are taken. Answers the message's id in the destination: a new one unless the id is immutable
 * (it is: inbound-request.ts), so keep it. A plain 404 (the message or the folder) is GRAPH_ITEM_GONE.
 */
export const moveMessage = (
  mailbox: string,
  messageId: string,
  destinationFolderId: string,
  deps: GraphClientDeps,
): Promise<{ id: string; receipt: InboundReceipt }> =>
  goneAs('message', async () => {
    const { data, ...receipt } = await graphJson(
      {
        method: 'POST',
        url: `${messageUrl(deps, mailbox, messageId)}/move`,
        body: JSON.stringify({ destinationId: destinationFolderId }),
        expect: [200, 201],
        headers: preferHeaders(),
      },
      readMovedMessage,
      deps,
    );
    return { id: data.id, receipt: withoutText(receipt) };
  });
