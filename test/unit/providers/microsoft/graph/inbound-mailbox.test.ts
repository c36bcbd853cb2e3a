import { type InboundMailbox, inboundMailbox } from '../../../../../src/providers/microsoft/graph/inbound-mailbox';
import { GRAPH, recordingFetch, staticToken, USER } from './graph-fakes';
import { MAILBOX, PREFER_IMMUTABLE } from './inbound-setup';

/** Whatever is asked, Graph answers with something every call accepts (none is read further here). */
const anything = () =>
  recordingFetch((request) => {
    const bare = request.method === 'DELETE' || request.url.endsWith('/reauthorize');
    const status = bare ? 204 : request.method === 'POST' ? 201 : 200;
    return new Response(bare ? null : JSON.stringify(ANSWER), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
const ANSWER = {
  id: 'x',
  resource: 'r',
  changeType: 'created',
  expirationDateTime: '2030-01-01T00:00:00Z',
  value: [],
  '@odata.deltaLink': `${GRAPH}/d`,
};

const SUBSCRIPTION = `${GRAPH}/subscriptions/s-1`;

describe('one mailbox bound to its Graph client', () => {
  it.each<[string, (box: InboundMailbox) => Promise<unknown>, string, string]>([
    ['readFolder', (box) => box.readFolder('inbox'), 'GET', `${USER}/mailFolders/inbox?`],
    ['findChildFolder', (box) => box.findChildFolder('inbox', 'P'), 'GET', `${USER}/mailFolders/inbox/childFolders?`],
    [
      'ensureChildFolder',
      (box) => box.ensureChildFolder('inbox', 'P'),
      'POST',
      `${USER}/mailFolders/inbox/childFolders`,
    ],
    [
      'createSubscription',
      (box) =>
        box.createSubscription({
          folderId: 'inbox',
          notificationUrl: 'https://n',
          lifecycleNotificationUrl: 'https://l',
          clientState: 'c',
          expirationDateTime: '2030-01-01T00:00:00Z',
        }),
      'POST',
      `${GRAPH}/subscriptions`,
    ],
    ['renewSubscription', (box) => box.renewSubscription('s-1', '2030-01-01T00:00:00Z'), 'PATCH', SUBSCRIPTION],
    ['reauthorizeSubscription', (box) => box.reauthorizeSubscription('s-1'), 'POST', `${SUBSCRIPTION}/reauthorize`],
    ['deleteSubscription', (box) => box.deleteSubscription('s-1'), 'DELETE', SUBSCRIPTION],
    ['getSubscription', (box) => box.getSubscription('s-1'), 'GET', SUBSCRIPTION],
    [
      'startDelta',
      (box) => box.startDelta({ folderId: 'inbox', receivedSince: new Date(0) }),
      'GET',
      `${USER}/mailFolders/inbox/messages/delta?`,
    ],
    ['followDelta', (box) => box.followDelta(`${GRAPH}/d?$deltatoken=1`), 'GET', `${GRAPH}/d?$deltatoken=1`],
    ['readMessage', (box) => box.readMessage('m'), 'GET', `${USER}/messages/m?`],
    ['listAttachments', (box) => box.listAttachments('m'), 'GET', `${USER}/messages/m/attachments?`],
    [
      'openAttachment',
      (box) => box.openAttachment('m', 'a', { maxBytes: 100 }),
      'GET',
      `${USER}/messages/m/attachments/a/$value`,
    ],
    ['markRead', (box) => box.markRead('m'), 'PATCH', `${USER}/messages/m`],
    ['moveMessage', (box) => box.moveMessage('m', 'f'), 'POST', `${USER}/messages/m/move`],
  ])('%s calls Graph for the mailbox with immutable ids', async (_name, call, method, url) => {
    const { fetch, requests } = anything();
    const box = inboundMailbox(MAILBOX, { fetch, tokenProvider: staticToken(), graphBaseUrl: GRAPH, env: {} });
    expect(box.mailbox).toBe(MAILBOX);
    await call(box);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe(method);
    expect(requests[0]?.url.startsWith(url)).toBe(true);
    expect(requests[0]?.headers.prefer?.startsWith(PREFER_IMMUTABLE)).toBe(true);
  });
});
