import { GraphError, GraphErrorCode } from '../../../../../src/providers/microsoft/graph/errors';
import { InboundErrorCode, InboundGraphError } from '../../../../../src/providers/microsoft/graph/inbound-errors';
import type { MailFolder } from '../../../../../src/providers/microsoft/graph/mail-folders';
import {
  graphHandlerMailbox,
  type GraphHandlerMailboxDeps,
  MICROSOFT_CHECK_MESSAGES,
} from '../../../../../src/providers/microsoft/incoming/graph-handler-mailbox';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const TARGET = { credentialId: 'cred-1', mailbox: 'help@contoso.com' };

const folder = (displayName: string, unread?: number): MailFolder => ({
  id: `id-${displayName}`,
  displayName,
  parentFolderId: 'root',
  unreadItemCount: unread,
  totalItemCount: unread === undefined ? undefined : unread + 10,
});

const adapter = (client: Partial<Awaited<ReturnType<GraphHandlerMailboxDeps['open']>>>, expiry?: string) => {
  const calls: unknown[][] = [];
  const mailbox = graphHandlerMailbox({
    open: async (target) => {
      calls.push(['open', target]);
      return {
        readFolder: async () => {
          throw new Error('not expected');
        },
        findChildFolder: async () => undefined,
        ensureChildFolder: async () => {
          throw new Error('not expected');
        },
        ...client,
      };
    },
    readSubscription: async () => (expiry === undefined ? undefined : { expirationDateTime: expiry }),
    now: () => NOW,
  });
  return { mailbox, calls };
};

describe('HandlerMailbox over the Graph client of incoming mail', () => {
  it('reads Inbox by its well-known name and another folder by name under the root, with counts', async () => {
    const asked: string[] = [];
    const { mailbox, calls } = adapter({
      readFolder: async (id) => {
        asked.push(`read ${id}`);
        return { folder: folder('Inbox', 3), receipt: { status: 200, requestId: 'r1' } as never };
      },
      findChildFolder: async (parent, name) => {
        asked.push(`find ${parent} ${name}`);
        return name === 'Support' ? folder('Support') : undefined;
      },
    });
    expect(await mailbox.folderCounts(TARGET, 'Inbox')).toEqual({
      ok: true,
      data: { displayName: 'Inbox', unreadCount: 3, totalCount: 13 },
    });
    expect(await mailbox.folderCounts(TARGET, 'Support')).toEqual({
      ok: true,
      data: { displayName: 'Support', unreadCount: 0, totalCount: 0 },
    });
    expect(await mailbox.folderCounts(TARGET, 'Nowhere')).toEqual({
      ok: false,
      reason: 'folder-not-found',
      message: 'The mailbox has no folder of that name. Check the folder, for example Inbox.',
    });
    expect(asked).toEqual(['read inbox', 'find msgfolderroot Support', 'find msgfolderroot Nowhere']);
    expect(calls[0]).toEqual(['open', TARGET]);
  });

  it('finds or creates the processed folder under the root', async () => {
    const { mailbox } = adapter({
      ensureChildFolder: async (parent, name) => ({ folder: folder(`${parent}/${name}`), created: false }),
    });
    expect(await mailbox.ensureFolder(TARGET, 'Processed by Issue Mailer')).toEqual({
      ok: true,
      data: { created: false },
    });
  });

  it.each([
    [new GraphError(GraphErrorCode.MailboxNotFound, 'x', { requestId: 'req-1' }), 'mailbox-not-found', 'req-1'],
    [new GraphError(GraphErrorCode.AppAccessPolicyDenied, 'x'), 'access-denied', undefined],
    [new GraphError(GraphErrorCode.Throttled, 'x'), 'unavailable', undefined],
    [
      new InboundGraphError(InboundErrorCode.Gone, 'x', { item: 'folder', requestId: 'req-2' }),
      'folder-not-found',
      'req-2',
    ],
  ] as const)('answers what Graph refuses as a reason (%s)', async (error, reason, requestId) => {
    const { mailbox } = adapter({
      readFolder: async () => {
        throw error;
      },
    });
    expect(await mailbox.folderCounts(TARGET, 'inbox')).toEqual({
      ok: false,
      reason,
      ...(requestId === undefined ? {} : { requestId }),
      message: MICROSOFT_CHECK_MESSAGES[reason],
    });
  });

  it("says Microsoft 365's words for each reason", () => {
    expect(MICROSOFT_CHECK_MESSAGES).toEqual({
      'mailbox-not-found':
        "Microsoft 365 has no such mailbox. Check the mailbox address, or the credential's sender mailbox.",
      'folder-not-found': 'The mailbox has no folder of that name. Check the folder, for example Inbox.',
      'access-denied':
        "The credential may not read this mailbox. Grant the app registration Mail.ReadWrite (application) and check the mailbox's application access policy.",
      unavailable: 'Microsoft 365 did not answer. Try again in a minute.',
    });
  });

  it('lets anything else through to the resolver', async () => {
    const { mailbox } = adapter({
      ensureChildFolder: async () => {
        throw new GraphError(GraphErrorCode.ResponseInvalid, 'x');
      },
    });
    await expect(mailbox.ensureFolder(TARGET, 'Done')).rejects.toBeInstanceOf(GraphError);
  });

  it.each([
    [undefined, { status: 'none' }],
    ['2024-05-12T06:00:00Z', { status: 'active', expiresAt: '2024-05-12T06:00:00Z' }],
    ['2024-05-01T06:00:00Z', { status: 'expired', expiredAt: '2024-05-01T06:00:00Z' }],
  ])('says the stored subscription expiring %s is %j', async (expiry, state) => {
    expect(
      await adapter({}, expiry).mailbox.subscriptionState('handler-1', {
        credentialId: 'cred-1',
        mailbox: 'support@contoso.com',
      }),
    ).toEqual({ ok: true, data: state });
  });
});
