import type { CredentialService } from '../../../credentials/credential-service';
import { credentialTokenDeps, requestCredentialToken } from '../../../credentials/credential-token';
import { delegatedTokenProvider, isDelegated } from '../../../credentials/delegated-token';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { report, reportingRefusals } from '../../../delivery/reported-refusals';
import type { PolicyEnv } from '../../../http/endpoint-policy';
import type { RetryPolicy } from '../../../http/retry';
import { AuthorizationError, TokenError } from '../../../oauth/errors';
import type { RefreshTokenStore } from '../../../oauth/refresh-token-store';
import type { TokenCache } from '../../../oauth/token-cache';
import type { TokenMemo } from '../../../oauth/token-memo';
import { createTokenProvider, type TokenProvider } from '../../../oauth/token-provider';
import type { Clock, FetchLike, Sleep } from '../../../shared/seams';
import type { DirectorySearch, MailboxTrace, SendAs } from '../../sending';
import { searchDirectory } from '../graph/directory-search';
import type { GraphClientDeps } from '../graph/graph-request';
import { deleteDraft } from '../graph/message-drafts';
import { findMessageByInternetMessageId } from '../graph/message-lookup';
import { deliverMessage } from './deliver-message';

export type { DirectorySearch, MailboxTrace, SendAs, SendOptions } from '../../sending';

export interface GraphMailSenderDeps {
  credentials: Pick<CredentialService, 'readSecret' | 'readNextSecret' | 'readPrivateKey' | 'promoteNextSecret'>;
  tokenCache: TokenCache;
  /** Authorization code credentials: the signed-in mailbox's refresh token and its last use. */
  refreshTokens: RefreshTokenStore;
  fetch: FetchLike;
  now: Clock;
  sleep?: Sleep;
  memo?: TokenMemo;
  retryPolicy?: RetryPolicy;
  /** Per Graph request; graph-request.ts's default otherwise. */
  timeoutMs?: number;
  env?: PolicyEnv;
  /** Told when the next secret took over from a refused current one. */
  onPromoted?: (credential: StoredCredential) => Promise<void>;
  /** Told when Microsoft refused to issue a token, so the admin page can say so. */
  onTokenRefused?: (credential: StoredCredential, error: TokenError) => Promise<void>;
  /** Told when Microsoft no longer accepts the signed-in mailbox's grant (revoked, expired): "Authorize again". */
  onAuthorizationRefused?: (credential: StoredCredential, error: AuthorizationError) => Promise<void>;
}

/** Reports a refused token request or grant to the admin page's warnings, then lets the error go on. */
const reportRefusal = async (credential: StoredCredential, error: unknown, deps: GraphMailSenderDeps) => {
  if (error instanceof TokenError && deps.onTokenRefused !== undefined) {
    const hook = deps.onTokenRefused;
    await report(() => hook(credential, error), 'token refusal');
  } else if (error instanceof AuthorizationError && deps.onAuthorizationRefused !== undefined) {
    const hook = deps.onAuthorizationRefused;
    await report(() => hook(credential, error), 'authorization refusal');
  }
};

/**
 * An authorization code credential's tokens: refreshed with the signed-in mailbox's refresh token
 * (credentials/delegated-token.ts); a refusal, of the grant or of the app's secret, is reported, then rethrown.
 */
const delegatedProvider = (credential: StoredCredential, deps: GraphMailSenderDeps): TokenProvider => {
  const provider = delegatedTokenProvider(credential, {
    credentials: deps.credentials,
    tokenCache: deps.tokenCache,
    refreshTokens: deps.refreshTokens,
    fetch: deps.fetch,
    now: deps.now,
    ...(deps.memo === undefined ? {} : { memo: deps.memo }),
    ...(deps.env === undefined ? {} : { env: deps.env }),
  });
  return reportingRefusals(provider, (error) => reportRefusal(credential, error, deps));
};

/**
 * The token provider of a credential: cached tokens first, then the token endpoint with its secret or certificate.
 * A refused current secret falls back to the next secret (credential-token.ts); a refusal is reported, then rethrown.
 * An authorization code credential refreshes its signed-in mailbox's grant instead.
 */
export const credentialTokenProvider = (credential: StoredCredential, deps: GraphMailSenderDeps): TokenProvider => {
  if (isDelegated(credential)) return delegatedProvider(credential, deps);
  const requestToken = async () => {
    try {
      const { token } = await requestCredentialToken(credential, credentialTokenDeps(deps));
      return token;
    } catch (error) {
      await reportRefusal(credential, error, deps);
      throw error;
    }
  };
  return createTokenProvider(credential, {
    now: deps.now,
    cache: deps.tokenCache,
    requestToken,
    ...(deps.memo === undefined ? {} : { memo: deps.memo }),
  });
};

/**
 * The Graph client settings of a credential: its Graph address and token provider, as whom it acts (the app, or
 * for the authorization code grant the signed-in mailbox, under `/me`), and the shared seams.
 */
const graphClient = (credential: StoredCredential, deps: GraphMailSenderDeps): GraphClientDeps => ({
  fetch: deps.fetch,
  tokenProvider: credentialTokenProvider(credential, deps),
  graphBaseUrl: credential.graphBaseUrl,
  actingAs: isDelegated(credential) ? 'signed-in-user' : 'app',
  now: deps.now,
  ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
  ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
  ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  ...(deps.env === undefined ? {} : { env: deps.env }),
});

/**
 * Sends through Graph from the credential's sender mailbox, keeping a copy in Sent Items: one sendMail when the
 * message fits 4 MB, else a draft with its attachments added (upload sessions for big ones) and then sent.
 */
export const createGraphMailSender =
  (deps: GraphMailSenderDeps): SendAs =>
  (credential, message, options) =>
    deliverMessage(credential.senderMailbox, message, graphClient(credential, deps), options?.sendBy);

/** Searches the credential's tenant directory (User.Read.All) with the same token wiring as sending. */
export const createDirectorySearch =
  (deps: GraphMailSenderDeps): DirectorySearch =>
  (credential, query) =>
    searchDirectory(query, graphClient(credential, deps));

/** The sender's mailbox as the outbox searches it for an earlier attempt (Mail.ReadWrite). */
export const createMailboxTrace = (deps: GraphMailSenderDeps): MailboxTrace => ({
  find: (credential, internetMessageId) =>
    findMessageByInternetMessageId(credential.senderMailbox, internetMessageId, graphClient(credential, deps)),
  deleteDraft: (credential, messageId) =>
    deleteDraft(credential.senderMailbox, messageId, graphClient(credential, deps)),
});
