import type { HandlerCheck, MailHandlerTestResult, MailHandlerView } from '../contract/mail-handlers';
import type { Clock } from '../shared/seams';
import { checkOf, type HandlerMailbox } from './handler-mailbox';
import { type HandlerCredential, mailboxOf } from './mail-handler-rules';

export interface TestMailHandlerDeps {
  credentials: readonly HandlerCredential[];
  mailbox: HandlerMailbox;
  now: Clock;
}

const CREDENTIAL_GONE: HandlerCheck<never> = {
  ok: false,
  reason: 'mailbox-not-found',
  message: "The handler's credential no longer exists. Edit the handler and choose another.",
};

/**
 * Test: the folder the handler reads with its unread count, the folder processed messages move to (created when
 * missing, as the handler would), and the subscription's state. Each check answers on its own.
 */
export const testMailHandler = async (
  handler: MailHandlerView,
  deps: TestMailHandlerDeps,
): Promise<MailHandlerTestResult> => {
  const testedAt = new Date(deps.now()).toISOString();
  const mailbox = mailboxOf(handler, deps.credentials);
  const subscription = checkOf(
    await deps.mailbox.subscriptionState(handler.id, { credentialId: handler.credentialId, mailbox: mailbox ?? '' }),
  );
  if (mailbox === undefined) {
    return {
      testedAt,
      mailbox: '',
      folder: CREDENTIAL_GONE,
      ...(handler.afterProcessing === 'move' ? { processedFolder: CREDENTIAL_GONE } : {}),
      subscription,
    };
  }
  const target = { credentialId: handler.credentialId, mailbox };
  const folder = checkOf(await deps.mailbox.folderCounts(target, handler.folder));
  if (handler.afterProcessing !== 'move') return { testedAt, mailbox, folder, subscription };
  const ensured = await deps.mailbox.ensureFolder(target, handler.processedFolder);
  const processedFolder = checkOf(
    ensured.ok ? { ok: true, data: { displayName: handler.processedFolder, created: ensured.data.created } } : ensured,
  );
  return { testedAt, mailbox, folder, processedFolder, subscription };
};
