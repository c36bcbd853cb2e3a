import type { MailHandlerView } from '../contract/mail-handlers';
import { MAIL_HANDLER_PREFIX, mailHandlerKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import { storedMailHandlerSchema } from './stored-mail-handler-schema';

export interface MailHandlerStore {
  /** By name; an entry this version cannot read is skipped (and logged), never run. */
  list: () => Promise<MailHandlerView[]>;
  get: (id: string) => Promise<MailHandlerView | undefined>;
  put: (handler: MailHandlerView) => Promise<void>;
  delete: (id: string) => Promise<void>;
}

/** Optional fields stored as absent, never as `undefined`. */
const toView = (data: ReturnType<typeof storedMailHandlerSchema.parse>): MailHandlerView => {
  const { mailbox, projectKey, issueTypeId, defaultReporter, ...rest } = data;
  return {
    ...rest,
    ...(mailbox === undefined ? {} : { mailbox }),
    ...(projectKey === undefined ? {} : { projectKey }),
    ...(issueTypeId === undefined ? {} : { issueTypeId }),
    ...(defaultReporter === undefined ? {} : { defaultReporter }),
  };
};

/** Mail handlers in plain storage (kvs), one entry each. */
export const createMailHandlerStore = (
  store: KvStore,
  log: (line: string) => void = () => undefined,
): MailHandlerStore => {
  const parse = (key: string, value: unknown): MailHandlerView | undefined => {
    const parsed = storedMailHandlerSchema.safeParse(value);
    if (parsed.success) return toView(parsed.data);
    log(`mail handler ${key} is unreadable and is skipped`);
    return undefined;
  };
  return {
    list: async () =>
      (await store.listByPrefix(MAIL_HANDLER_PREFIX))
        .flatMap(({ key, value }) => parse(key, value) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    get: async (id) => {
      const value = await store.get(mailHandlerKey(id));
      return value === undefined ? undefined : parse(id, value);
    },
    put: (handler) => store.set(mailHandlerKey(handler.id), handler),
    delete: (id) => store.delete(mailHandlerKey(id)),
  };
};
