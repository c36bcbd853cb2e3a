import type { AdminDeps } from '../../composition/admin-deps';
import { INCOMING_LOG_PAGE_SIZE, incomingMessageKeySchema, listIncomingLogSchema } from '../../contract/incoming-log';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection } from './admin-section';

export type IncomingLogSectionDeps = Pick<AdminDeps, 'requestJira' | 'incomingLog'>;

type IncomingLogSection = AdminSection<
  'listIncomingLog' | 'getIncomingLogEntry' | 'processIncomingAgain',
  'incomingLog'
>;

/** The incoming log tab: every message read from a mail handler's mailbox, and "Process again". */
export const incomingLogSection = (deps: IncomingLogSectionDeps): IncomingLogSection => {
  const admin = adminOnly(deps.requestJira);
  const log = deps.incomingLog;
  const readers: IncomingLogSection['readers'] = {
    // listIncomingLog's payload `{}` as its schema reads it.
    incomingLog: () => log.list({ limit: INCOMING_LOG_PAGE_SIZE }),
  };
  return {
    readers,
    functions: {
      listIncomingLog: resolverFunction({
        ...admin,
        name: 'listIncomingLog',
        schema: listIncomingLogSchema,
        run: (query) => log.list(query),
      }),
      getIncomingLogEntry: resolverFunction({
        ...admin,
        name: 'getIncomingLogEntry',
        schema: incomingMessageKeySchema,
        run: ({ messageKey }) => log.get(messageKey),
      }),
      processIncomingAgain: resolverFunction({
        ...admin,
        name: 'processIncomingAgain',
        schema: incomingMessageKeySchema,
        run: ({ messageKey }) => log.processAgain(messageKey),
      }),
    },
  };
};
