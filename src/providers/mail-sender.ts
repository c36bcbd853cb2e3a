import { isGoogleCredential } from '../credentials/credential-provider';
import { loadOnce } from '../shared/load-once';
import type { GmailDeliveryDeps } from './google/delivery/gmail-delivery';

/**
 * Gmail's side (nodemailer's MIME builder, jose's signing, the Gmail scopes of the contract) is loaded on a Google
 * credential's first use: a site that sends through Microsoft 365 only never pays for it on a cold start.
 */
const loadGmail = loadOnce(() => import(/* webpackChunkName: "gmail-delivery" */ './google/delivery/gmail-delivery'));
import {
  createDirectorySearch,
  createGraphMailSender,
  createMailboxTrace,
  type GraphMailSenderDeps,
} from './microsoft/delivery/graph-mail-sender';
import type { DirectorySearch, MailboxTrace, SendAs } from './sending';

export type { DirectoryPerson, DirectorySearch, MailboxTrace, SendAs, SendOptions } from './sending';

/** Both providers' seams: Microsoft's (Graph) and Google's (Gmail), with the same stores and clock. */
export type MailSenderDeps = GraphMailSenderDeps & Pick<GmailDeliveryDeps, 'onGoogleTokenRefused'>;

/** Sends from a credential's mailbox through its provider: Gmail for a Google Workspace credential, else Graph. */
export const createMailSender = (deps: MailSenderDeps): SendAs => {
  const graph = createGraphMailSender(deps);
  return (credential, message, options) =>
    isGoogleCredential(credential)
      ? loadGmail().then(({ sendThroughGmail }) => sendThroughGmail(credential, message, deps, options?.sendBy))
      : graph(credential, message, options);
};

/**
 * People of the credential's directory. A Google credential asks for no directory scope (only gmail.send and
 * gmail.modify, src/contract/google-workspace.ts), so it finds nobody: people search then offers Jira's users only.
 */
export const createPeopleDirectory = (deps: MailSenderDeps): DirectorySearch => {
  const graph = createDirectorySearch(deps);
  return async (credential, query) => (isGoogleCredential(credential) ? [] : graph(credential, query));
};

/**
 * The sender's mailbox as the outbox searches it. Gmail: by Message-ID (users.messages.list); the app makes no
 * Gmail drafts, so there is never one to delete.
 */
export const createMailTrace = (deps: MailSenderDeps): MailboxTrace => {
  const graph = createMailboxTrace(deps);
  return {
    find: (credential, internetMessageId) =>
      isGoogleCredential(credential)
        ? loadGmail().then(({ findInGmail }) => findInGmail(credential, internetMessageId, deps))
        : graph.find(credential, internetMessageId),
    deleteDraft: async (credential, messageId) => {
      if (!isGoogleCredential(credential)) await graph.deleteDraft(credential, messageId);
    },
  };
};
