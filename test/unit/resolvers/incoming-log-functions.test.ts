import { incomingMessageKey } from '../../../src/incoming/records/message-key';
import { VALIDATION_MESSAGE } from '../../../src/messages/words';
import { NOW, seedMessage, seenMessage } from '../incoming/log/incoming-log-fixtures';
import { handlerInput } from '../support/mail-handlers';
import { adminRequest, configuredWorld, resolverWorld, silenceWarnings } from '../support/resolvers';

const NOT_ADMIN = {
  ok: false,
  error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
};
const KEY = incomingMessageKey(seenMessage(1));

describe('incoming log resolver functions', () => {
  silenceWarnings();

  it.each([
    ['listIncomingLog', {}],
    ['getIncomingLogEntry', { messageKey: KEY }],
    ['processIncomingAgain', { messageKey: KEY }],
  ] as const)('%s answers NOT_ADMIN to a non-admin before touching the log', async (name, payload) => {
    const world = resolverWorld({ isAdmin: false });
    await seedMessage(world.incomingRecords, seenMessage(1), NOW, {
      status: 'failed',
      error: { code: 'X', message: 'x' },
    });
    const replaces = world.incomingEntities.replaces;
    await expect(world.admin[name](adminRequest(payload))).resolves.toEqual(NOT_ADMIN);
    expect(world.incomingEntities.replaces).toBe(replaces);
    expect(world.incomingPushes).toEqual([]);
    expect(world.jira.calls.map((call) => call.path)).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });

  it('lists, opens and processes again a failed message, in ok envelopes with the handler named', async () => {
    const world = await configuredWorld();
    await world.admin.saveMailHandler(adminRequest(handlerInput()));
    await seedMessage(world.incomingRecords, seenMessage(1), NOW, {
      status: 'failed',
      error: { code: 'JIRA_FORBIDDEN', message: 'Jira refused the app: it may not write to this issue or project.' },
    });

    const listed = await world.admin.listIncomingLog(adminRequest({ status: 'failed' }));
    expect(listed).toMatchObject({
      ok: true,
      data: {
        items: [{ messageKey: KEY, handlerName: 'Support inbox', canProcessAgain: true }],
        handlers: [{ id: 'handler-1', name: 'Support inbox', enabled: true }],
      },
    });
    expect(await world.admin.getIncomingLogEntry(adminRequest({ messageKey: KEY }))).toMatchObject({
      ok: true,
      data: { result: 'Failed: Jira refused the app: it may not write to this issue or project.' },
    });
    expect(await world.admin.processIncomingAgain(adminRequest({ messageKey: KEY }))).toMatchObject({
      ok: true,
      data: { status: 'processing', result: 'Processing' },
    });
    expect(world.incomingPushes).toEqual([
      [{ kind: 'message', handlerId: 'handler-1', messageId: 'AAMk-1', processAgain: true, messageKey: KEY }],
    ]);

    // Twice is refused with its own code and words.
    expect(await world.admin.processIncomingAgain(adminRequest({ messageKey: KEY }))).toEqual({
      ok: false,
      error: {
        code: 'INCOMING_NOT_REPROCESSABLE',
        message:
          'Only held and failed messages can be processed again. Reload the incoming log to see where this one stands.',
      },
    });
    expect(await world.admin.getIncomingLogEntry(adminRequest({ messageKey: 'f'.repeat(64) }))).toMatchObject({
      ok: false,
      error: { code: 'INCOMING_MESSAGE_NOT_FOUND' },
    });
  });

  it.each([
    ['listIncomingLog', { status: 'done' }, 'status'],
    ['listIncomingLog', { sender: 'not an address' }, 'sender'],
    ['listIncomingLog', { handlerId: 'Handler 1' }, 'handlerId'],
    ['listIncomingLog', { from: 'yesterday' }, 'from'],
    ['listIncomingLog', { cursor: 'a b' }, 'cursor'],
    ['getIncomingLogEntry', { messageKey: '../credential:c-1' }, 'messageKey'],
    ['processIncomingAgain', {}, 'messageKey'],
  ] as const)('%s refuses %j as a validation error of %s', async (name, payload, field) => {
    const world = resolverWorld();
    const answer = await world.admin[name](adminRequest(payload));
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: VALIDATION_MESSAGE } });
    expect(Object.keys((answer as { error: { fieldErrors: object } }).error.fieldErrors)).toContain(field);
    expect(world.incomingPushes).toEqual([]);
  });
});
