import { IncomingConnectionError } from '../../../../../src/incoming/connection/errors';
import { createHandlerStateStore } from '../../../../../src/incoming/connection/handler-state';
import { GmailError, GmailErrorCode } from '../../../../../src/providers/google/gmail/gmail-errors';
import {
  connectGmailHandler,
  type GmailConnectionDeps,
  runGmailDelta,
} from '../../../../../src/providers/google/incoming/gmail-connection';
import { MemoryKvStore } from '../../../support/memory-kv-store';

const NOW = Date.parse('2026-12-07T08:00:00Z');

/** A Gmail mailbox whose labels, position and history a test sets; every call noted. */
const gmailWorld = () => {
  const calls: string[] = [];
  const mailbox = {
    labels: new Map([['Support', { id: 'Label_7', name: 'Support', type: 'user' as const }]]),
    historyId: '1000',
    history: { messageIds: [] as string[], historyId: '1000', pages: 1 },
    historyError: undefined as Error | undefined,
    labelled: ['old-1', 'old-2'],
  };
  const deps: GmailConnectionDeps = {
    mailbox: {
      findLabel: async (name) => {
        calls.push(`findLabel ${name}`);
        return mailbox.labels.get(name);
      },
      currentHistoryId: async () => {
        calls.push('currentHistoryId');
        return mailbox.historyId;
      },
      listHistory: async (start, labelId) => {
        calls.push(`listHistory ${start} ${labelId}`);
        if (mailbox.historyError !== undefined) throw mailbox.historyError;
        return mailbox.history;
      },
      listLabel: async (labelId, since) => {
        calls.push(`listLabel ${labelId} ${since?.toISOString()}`);
        return mailbox.labelled;
      },
    },
    states: createHandlerStateStore(new MemoryKvStore(), () => undefined),
    now: () => NOW,
  };
  return { calls, mailbox, deps };
};

const HANDLER = { id: 'h-1', folder: 'Inbox', backfillDays: 0, source: 'digest-1' };

describe('connectGmailHandler', () => {
  it.each([
    ['Inbox', 'INBOX', ['currentHistoryId']],
    [' inbox ', 'INBOX', ['currentHistoryId']],
    ['Support', 'Label_7', ['findLabel Support', 'currentHistoryId']],
  ])('reads %j as label %s and stores the position only', async (folder, labelId, calls) => {
    const w = gmailWorld();
    const result = await connectGmailHandler({ ...HANDLER, folder }, w.deps);
    const state = {
      handlerId: 'h-1',
      folderId: labelId,
      deltaLink: '1000',
      connectedAt: '2026-12-07T08:00:00.000Z',
      lastDeltaAt: '2026-12-07T08:00:00.000Z',
      source: 'digest-1',
    };
    expect(result).toEqual({ state, takeMessageIds: [] });
    expect(await w.deps.states.get('h-1')).toEqual(state);
    expect(w.calls).toEqual(calls);
  });

  it("takes the label's messages of the last N days after the position when asked to backfill", async () => {
    const w = gmailWorld();
    const result = await connectGmailHandler({ ...HANDLER, backfillDays: 3 }, w.deps);
    expect(result.takeMessageIds).toEqual(['old-1', 'old-2']);
    expect(w.calls).toEqual(['currentHistoryId', 'listLabel INBOX 2026-12-04T08:00:00.000Z']);
  });

  it('refuses a label the mailbox does not have, storing nothing', async () => {
    const w = gmailWorld();
    const error = await connectGmailHandler({ ...HANDLER, folder: 'Gone' }, w.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncomingConnectionError);
    expect(error).toMatchObject({
      code: 'INCOMING_FOLDER_NOT_FOUND',
      message: 'The mailbox has no label of that name.',
    });
    expect(await w.deps.states.get('h-1')).toBeUndefined();
  });
});

describe('runGmailDelta', () => {
  const connected = async () => {
    const w = gmailWorld();
    await connectGmailHandler(HANDLER, w.deps);
    w.calls.length = 0;
    return w;
  };

  it('hands the new messages to take before it stores the new historyId', async () => {
    const w = await connected();
    w.mailbox.history = { messageIds: ['m-1', 'm-2'], historyId: '1010', pages: 2 };
    const taken: Array<{ ids: readonly string[]; stored: string | undefined }> = [];
    const round = await runGmailDelta('h-1', w.deps, async (ids) => {
      taken.push({ ids, stored: (await w.deps.states.get('h-1'))?.deltaLink });
    });
    expect(taken).toEqual([{ ids: ['m-1', 'm-2'], stored: '1000' }]);
    expect(round?.messageIds).toEqual(['m-1', 'm-2']);
    expect(await w.deps.states.get('h-1')).toMatchObject({ deltaLink: '1010', folderId: 'INBOX' });
    expect(w.calls).toEqual(['listHistory 1000 INBOX']);
  });

  it('keeps the position when taking fails, so the next poll takes the messages again', async () => {
    const w = await connected();
    w.mailbox.history = { messageIds: ['m-1'], historyId: '1010', pages: 1 };
    const failed = new Error('queue down');
    await expect(runGmailDelta('h-1', w.deps, async () => Promise.reject(failed))).rejects.toBe(failed);
    expect((await w.deps.states.get('h-1'))?.deltaLink).toBe('1000');
  });

  it('starts again from the current position when Gmail no longer knows the stored one, taking the label since the last poll less the margin', async () => {
    const w = await connected();
    w.mailbox.historyError = new GmailError(GmailErrorCode.HistoryExpired, 'GET history answered 404.', {
      status: 404,
    });
    w.mailbox.historyId = '2000';
    const round = await runGmailDelta('h-1', w.deps, async () => undefined);
    expect(round?.messageIds).toEqual(['old-1', 'old-2']);
    expect((await w.deps.states.get('h-1'))?.deltaLink).toBe('2000');
    expect(w.calls).toEqual(['listHistory 1000 INBOX', 'currentHistoryId', 'listLabel INBOX 2026-12-07T07:00:00.000Z']);
  });

  it('passes on any other Gmail failure, the position unchanged', async () => {
    const w = await connected();
    const refused = new GmailError(GmailErrorCode.NotFound, 'GET history answered 404.', { status: 404 });
    w.mailbox.historyError = refused;
    await expect(runGmailDelta('h-1', w.deps, async () => undefined)).rejects.toBe(refused);
    expect((await w.deps.states.get('h-1'))?.deltaLink).toBe('1000');
  });

  it('takes nothing for a handler never connected', async () => {
    const w = gmailWorld();
    expect(await runGmailDelta('h-1', w.deps, async () => undefined)).toBeUndefined();
    expect(w.calls).toEqual([]);
  });
});
