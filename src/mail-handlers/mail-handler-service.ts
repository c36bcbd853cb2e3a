import {
  type MailHandlerTestResult,
  type MailHandlerView,
  MAX_MAIL_HANDLERS,
  type ParsedMailHandlerInput,
} from '../contract/mail-handlers';
import type { Clock } from '../shared/seams';
import { MailHandlerInvalidError, MailHandlerNotFoundError, TooManyMailHandlersError } from './errors';
import type { HandlerMailbox } from './handler-mailbox';
import { type HandlerCredential, handlerProblems, type HandlerWorld, normaliseHandler } from './mail-handler-rules';
import type { MailHandlerStore } from './mail-handler-store';
import { testMailHandler } from './test-mail-handler';

export interface MailHandlerServiceDeps extends Pick<HandlerWorld, 'appProjects' | 'issueTypes'> {
  store: MailHandlerStore;
  credentials: () => Promise<HandlerCredential[]>;
  /** The mail service for Test (the port; src/composition wires the provider). */
  mailbox: HandlerMailbox;
  now: Clock;
  newId: () => string;
  /**
   * Told of each saved handler, so incoming mail connects (or disconnects) it now rather than at the next
   * five-minute upkeep. Must not throw: the upkeep catches up with whatever this missed.
   */
  saved?: (handler: MailHandlerView) => Promise<void>;
  /**
   * Told of a handler about to be deleted, while its credential is still known: incoming mail ends its
   * subscription (one left behind would refuse the next handler's on the same folder until it expired). Must not
   * throw.
   */
  deleting?: (handler: MailHandlerView) => Promise<void>;
}

export interface MailHandlerService {
  list: () => Promise<MailHandlerView[]>;
  /** Creates (no id) or replaces a handler, after checking what it names and that it clashes with no other. */
  save: (input: ParsedMailHandlerInput) => Promise<MailHandlerView>;
  delete: (id: string) => Promise<{ id: string }>;
  test: (id: string) => Promise<MailHandlerTestResult>;
}

export const createMailHandlerService = (deps: MailHandlerServiceDeps): MailHandlerService => {
  const existing = async (id: string): Promise<MailHandlerView> => {
    const handler = await deps.store.get(id);
    if (handler === undefined) throw new MailHandlerNotFoundError(id);
    return handler;
  };
  return {
    list: () => deps.store.list(),

    save: async (input) => {
      const [all, credentials] = await Promise.all([deps.store.list(), deps.credentials()]);
      const current = input.id === undefined ? undefined : await existing(input.id);
      if (current === undefined && all.length >= MAX_MAIL_HANDLERS)
        throw new TooManyMailHandlersError(MAX_MAIL_HANDLERS);
      const draft = normaliseHandler(input, credentials);
      const problems = await handlerProblems(draft, {
        credentials,
        appProjects: deps.appProjects,
        issueTypes: deps.issueTypes,
        others: all.filter((handler) => handler.id !== current?.id),
      });
      if (Object.keys(problems).length > 0) throw new MailHandlerInvalidError(problems);
      const now = new Date(deps.now()).toISOString();
      const view: MailHandlerView = {
        ...draft,
        id: current?.id ?? deps.newId(),
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      await deps.store.put(view);
      await deps.saved?.(view);
      return view;
    },

    delete: async (id) => {
      const handler = await existing(id);
      await deps.deleting?.(handler);
      await deps.store.delete(id);
      return { id };
    },

    test: async (id) => {
      const [handler, credentials] = await Promise.all([existing(id), deps.credentials()]);
      return testMailHandler(handler, { credentials, mailbox: deps.mailbox, now: deps.now });
    },
  };
};
