import { markRead, moveMessage } from '../../../../../src/providers/microsoft/graph/message-actions';
import { type Answer, graphError, json, USER } from './graph-fakes';
import { failureOf, inboundSetup, MAILBOX, PREFER_IMMUTABLE } from './inbound-setup';

const MESSAGE_URL = `${USER}/messages/AAMk%2Fmsg%3D`;

describe('marking a message read', () => {
  it('PATCHes isRead with immutable ids and keeps the request-id', async () => {
    const { deps, requests } = inboundSetup([json(200, { id: 'AAMk/msg=', isRead: true }, { 'request-id': 'r-read' })]);
    await expect(markRead(MAILBOX, 'AAMk/msg=', deps)).resolves.toEqual({
      status: 200,
      requestId: 'r-read',
      clientRequestId: 'crid-1',
      attempts: 1,
    });
    expect(requests[0]).toMatchObject({ method: 'PATCH', url: MESSAGE_URL, json: { isRead: true } });
    expect(requests[0]?.headers).toMatchObject({ prefer: PREFER_IMMUTABLE, 'content-type': 'application/json' });
  });

  it.each<[string, Answer, string]>([
    ['a message gone', graphError(404, 'ErrorItemNotFound'), 'GRAPH_ITEM_GONE'],
    ['no Mail.ReadWrite', graphError(403, 'ErrorAccessDenied'), 'GRAPH_ACCESS_DENIED'],
  ])('fails for %s', async (_name, answer, code) => {
    const { deps } = inboundSetup([answer]);
    expect((await failureOf(markRead(MAILBOX, 'AAMk/msg=', deps))).code).toBe(code);
  });
});

describe('moving a message', () => {
  it.each([201, 200])('POSTs move with the destination and answers the id there (answered %s)', async (status) => {
    const { deps, requests } = inboundSetup([json(status, { id: 'AAMkMoved=', parentFolderId: 'AAMkProcessed=' })]);
    await expect(moveMessage(MAILBOX, 'AAMk/msg=', 'AAMkProcessed=', deps)).resolves.toMatchObject({
      id: 'AAMkMoved=',
      receipt: { status },
    });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: `${MESSAGE_URL}/move`,
      json: { destinationId: 'AAMkProcessed=' },
    });
    expect(requests[0]?.headers.prefer).toBe(PREFER_IMMUTABLE);
  });

  it.each<[string, Answer, string]>([
    ['an answer without id', json(201, { parentFolderId: 'x' }), 'GRAPH_RESPONSE_INVALID'],
    ['a message or folder gone', graphError(404, 'ErrorItemNotFound'), 'GRAPH_ITEM_GONE'],
    ['a 202', json(202, { id: 'x' }), 'GRAPH_RESPONSE_INVALID'],
  ])('fails for %s', async (_name, answer, code) => {
    const { deps } = inboundSetup([answer]);
    expect((await failureOf(moveMessage(MAILBOX, 'AAMk/msg=', 'AAMkProcessed=', deps))).code).toBe(code);
  });
});
