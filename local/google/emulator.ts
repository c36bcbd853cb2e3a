import type { IncomingMessage, ServerResponse } from 'node:http';

import { writeResponse } from '../shared/http-kit';
import { AccessTokenStore, type IssuedAccessToken } from './access-tokens';
import { handleAdminConsole } from './admin-console-routes';
import { parseWorkspaceConfig } from './config';
import { loadDemoKeys } from './demo-keys';
import { deliverGmail, type GmailDeliverOutcome, type GmailDeliverRequest } from './gmail-inbound';
import { type GmailFaultMix, GmailLimiter, type GmailLimits, type GmailStats } from './gmail-limits';
import { GmailMailboxes, type StoredGmailMessage } from './gmail-mailboxes';
import { handleGmailRequest } from './gmail-routes';
import { handleGmailSeam } from './gmail-seam';
import { UploadSessions } from './gmail-uploads';
import { startLoopbackServer } from './loopback-server';
import { handleMailboxPage } from './mailbox-page';
import { handleTokenRequest, type TokenEndpointContext } from './token-endpoint';
import type { GoogleWorkspaceConfig } from './types';
import { type ServiceAccountKeyFile, WorkspaceDirectory } from './workspace-directory';

export interface GoogleEmulatorOptions {
  /** A Workspace config: parsed JSON shaped like local/google/workspace.json, or loadWorkspaceConfig's result. */
  config: unknown;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The emulator's clock; the system clock by default. */
  now?: () => Date;
}

export interface GoogleEmulator {
  /** Base URL, e.g. http://127.0.0.1:4021. */
  url: string;
  /** `${url}/token`: what the app's Google token client is pointed at. */
  tokenUrl: string;
  config: GoogleWorkspaceConfig;
  /** The grant behind a bearer token the emulator issued, while it is valid: for the Gmail routes. */
  lookupAccessToken: (token: string) => IssuedAccessToken | undefined;
  /** Every issued access token stops working. */
  expireAccessTokens: () => void;
  requestCounts: () => { token: number };
  /** Admin console > Domain-wide delegation: a client's scopes, or undefined to delete the client. */
  setDelegation: (clientId: string, scopes: readonly string[] | undefined) => void;
  /** Admin console > Domain-wide delegation as it is now: each client ID with its scopes. */
  delegation: () => Array<{ clientId: string; scopes: string[] }>;
  setUserSuspended: (email: string, suspended: boolean) => void;
  setServiceAccountDisabled: (clientEmail: string, disabled: boolean) => void;
  /** Cloud console > Keys: a new key (the downloaded JSON file), delete or disable one. */
  createServiceAccountKey: (clientEmail: string) => ServiceAccountKeyFile;
  deleteServiceAccountKey: (clientEmail: string, privateKeyId: string) => void;
  setServiceAccountKeyDisabled: (clientEmail: string, privateKeyId: string, disabled: boolean) => void;
  /** The messages a user sent through Gmail, oldest first, with their raw bytes and postal-mime's parse. */
  sentMessages: (address: string) => readonly StoredGmailMessage[];
  /** Every message of a mailbox (sent and received), oldest first, labels as they are now. */
  mailboxMessages: (address: string) => readonly StoredGmailMessage[];
  /** Mail arriving in a user's INBOX (UNREAD): raw RFC 822, or a reply to a message by id (gmail-inbound.ts). */
  deliverMail: (request: GmailDeliverRequest) => Promise<GmailDeliverOutcome>;
  /** Every historyId of the mailbox handed out so far is out of date: history.list answers 404 for it. */
  expireHistory: (address: string) => void;
  /** Faults for Gmail requests (undefined: none). */
  setFaultMix: (mix: GmailFaultMix | undefined) => void;
  /** Gmail's per-user quota units a minute and messages a rolling day, lowered for tests. */
  setGmailLimits: (limits: Partial<GmailLimits>) => void;
  deliveryStats: () => GmailStats;
  /** The next resumable upload chunk is cut off halfway (its first half kept) and its connection dropped. */
  dropNextUploadChunk: () => void;
  close: () => Promise<void>;
}

const notFound = (res: ServerResponse): void =>
  writeResponse(
    res,
    404,
    { 'Content-Type': 'application/json; charset=utf-8' },
    `${JSON.stringify({ error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } }, null, 2)}\n`,
  );

/**
 * Starts the Google emulator on its own loopback listener: Google's OAuth 2.0 token endpoint for service accounts
 * (`POST /token`), with the Workspace's users, service account keys and domain-wide delegation as config says and
 * the control methods change them; Gmail's send and upload routes (gmail-routes.ts) and read routes (profile,
 * labels, messages list/get/modify/attachments, history: gmail-read-routes.ts) with its limits and faults; incoming
 * mail for tests (deliverMail, and the JSON seam of gmail-seam.ts); a mailbox page; the Admin console's domain-wide delegation page (admin-console-routes.ts).
 */
export const startGoogleEmulator = async (options: GoogleEmulatorOptions): Promise<GoogleEmulator> => {
  const config = parseWorkspaceConfig(options.config, 'GoogleEmulatorOptions.config');
  const directory = new WorkspaceDirectory(config);
  const demoKeys = loadDemoKeys(config);
  const adminConsole = {
    directory,
    demoKeys,
    demoKeyClientIds: new Set(demoKeys.map((key) => key.clientId)),
  };
  const accessTokens = new AccessTokenStore();
  const now = options.now ?? (() => new Date());
  const counts = { token: 0 };
  let baseUrl = '';
  const mailboxes = new GmailMailboxes();
  // Quota answers name the project by number, as Google's do; the emulator's is made up.
  const limiter = new GmailLimiter('492837465102');
  const dropNextChunk = { armed: false };
  const gmailContext = {
    mailboxes,
    limiter,
    uploads: new UploadSessions(),
    lookup: (token: string) => accessTokens.lookup(token, now().getTime()),
    now,
    baseUrl: () => baseUrl,
    isUser: (address: string) => directory.user(address) !== undefined,
    dropNextChunk,
  };
  const tokenContext: TokenEndpointContext = {
    directory,
    accessTokens,
    now,
    tokenLifetimeSeconds: config.tokenLifetimeSeconds,
    ownTokenUrl: () => `${baseUrl}/token`,
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
    if (path === '/token') {
      counts.token += 1;
      await handleTokenRequest(tokenContext, req, res);
      return;
    }
    if (await handleGmailRequest(gmailContext, req, res)) return;
    if (await handleAdminConsole(adminConsole, req, res)) return;
    if (await handleGmailSeam({ deliver, expireHistory: (address) => mailboxes.expireHistory(address) }, req, res))
      return;
    if (handleMailboxPage({ users: () => config.users, mailboxes }, req, res)) return;
    notFound(res);
  };

  const deliver = (request: GmailDeliverRequest): Promise<GmailDeliverOutcome> =>
    deliverGmail(mailboxes, gmailContext.isUser, request, now());

  const server = await startLoopbackServer(route, options.port ?? 0, options.host ?? '127.0.0.1');
  baseUrl = server.url;
  return {
    url: server.url,
    tokenUrl: `${server.url}/token`,
    config,
    lookupAccessToken: (token) => accessTokens.lookup(token, now().getTime()),
    expireAccessTokens: () => accessTokens.expireAll(),
    requestCounts: () => ({ ...counts }),
    setDelegation: (clientId, scopes) => directory.setDelegation(clientId, scopes),
    delegation: () => directory.delegations(),
    setUserSuspended: (email, suspended) => directory.setUserSuspended(email, suspended),
    setServiceAccountDisabled: (clientEmail, disabled) => directory.setServiceAccountDisabled(clientEmail, disabled),
    createServiceAccountKey: (clientEmail) => directory.createKey(clientEmail),
    deleteServiceAccountKey: (clientEmail, keyId) => directory.deleteKey(clientEmail, keyId),
    setServiceAccountKeyDisabled: (clientEmail, keyId, disabled) =>
      directory.setKeyDisabled(clientEmail, keyId, disabled),
    sentMessages: (address) => mailboxes.messages(address).filter((message) => message.labelIds.includes('SENT')),
    mailboxMessages: (address) => [...mailboxes.messages(address)],
    deliverMail: deliver,
    expireHistory: (address) => mailboxes.expireHistory(address),
    setFaultMix: (mix) => limiter.setFaultMix(mix),
    setGmailLimits: (limits) => limiter.setLimits(limits),
    deliveryStats: () => ({ sent: limiter.stats.sent, refused: { ...limiter.stats.refused } }),
    dropNextUploadChunk: () => {
      dropNextChunk.armed = true;
    },
    close: () => server.close(),
  };
};
