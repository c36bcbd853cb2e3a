import type { CredentialService } from '../../credentials/credential-service';
import { googleCredentialTokenProvider } from '../../credentials/google-token';
import type { StoredCredential } from '../../credentials/stored-credential';
import { GoogleTokenError } from '../../google/errors';
import type { GmailReadDeps } from '../../google/gmail/gmail-call';
import { findByMessageId } from '../../google/gmail/gmail-messages';
import type { GmailRequestDeps } from '../../google/gmail/gmail-request';
import { sendGmailMessage } from '../../google/gmail/gmail-sender';
import { googleEndpoints } from '../../google/google-endpoints';
import { GMAIL_MODIFY_SCOPE } from '../../google/scopes';
import type { PolicyEnv } from '../../http/endpoint-policy';
import type { OutgoingMessage } from '../../mail-model/outgoing-message';
import type { MessageTrace } from '../../mail-model/outgoing-message';
import type { TokenCache } from '../../oauth/token-cache';
import type { TokenMemo } from '../../oauth/token-memo';
import type { TokenProvider } from '../../oauth/token-provider';
import type { Clock, FetchLike } from '../../shared/seams';
import type { DeliveryResult } from '../deliver-message';
import { TraceUnavailableError } from '../errors';
import { report, reportingRefusals } from '../reported-refusals';
import { gmailMimeInput } from './gmail-message';

export interface GmailDeliveryDeps {
  credentials: Pick<CredentialService, 'readPrivateKey'>;
  tokenCache: TokenCache;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  /** Per Gmail request; gmail-request.ts's default otherwise. */
  timeoutMs?: number;
  env?: PolicyEnv;
  /** Told when Google refused to issue a token (delegation, user, key), so the admin page can say so. */
  onGoogleTokenRefused?: (credential: StoredCredential, error: GoogleTokenError) => Promise<void>;
}

/** The token provider of a Google credential; a refusal is reported (a failing hook is only logged), then rethrown. */
const tokenProvider = (credential: StoredCredential, deps: GmailDeliveryDeps): TokenProvider => {
  const provider = googleCredentialTokenProvider(credential, {
    credentials: deps.credentials,
    tokenCache: deps.tokenCache,
    fetch: deps.fetch,
    now: deps.now,
    ...(deps.memo === undefined ? {} : { memo: deps.memo }),
    ...(deps.env === undefined ? {} : { env: deps.env }),
  });
  return reportingRefusals(provider, async (error) => {
    const hook = deps.onGoogleTokenRefused;
    if (error instanceof GoogleTokenError && !error.transient && hook !== undefined) {
      await report(() => hook(credential, error), 'Google token refusal');
    }
  });
};

const requestDeps = (credential: StoredCredential, deps: GmailDeliveryDeps): GmailRequestDeps => ({
  fetch: deps.fetch,
  tokenProvider: tokenProvider(credential, deps),
  now: deps.now,
  ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  ...(deps.env === undefined ? {} : { env: deps.env }),
});

/** Gmail's address: Google's, or the local host's emulator (never the credential's stored graphBaseUrl). */
const gmailBaseUrl = (deps: GmailDeliveryDeps): string => googleEndpoints(deps.env).gmailBaseUrl;

/** A credential's Gmail reads (incoming mail), with its token provider and refusals reported as for sending. */
export const gmailReadDeps = (credential: StoredCredential, deps: GmailDeliveryDeps): GmailReadDeps => ({
  ...requestDeps(credential, deps),
  baseUrl: gmailBaseUrl(deps),
});

/**
 * Sends from the credential's mailbox through Gmail's users.messages.send upload (gmail-sender.ts: multipart up to
 * 5 MB, resumable above, refused over 35 MB). Gmail files the sent copy under SENT itself. The result's
 * `messageId` is Gmail's id of the sent message; Gmail has no request ids.
 */
export const sendThroughGmail = async (
  credential: StoredCredential,
  message: OutgoingMessage,
  deps: GmailDeliveryDeps,
  sendBy?: number,
): Promise<DeliveryResult> => {
  const input = gmailMimeInput(credential.senderMailbox, message, new Date(deps.now()));
  const sent = await sendGmailMessage(
    input.sender,
    input.message,
    { ...requestDeps(credential, deps), baseUrl: gmailBaseUrl(deps) },
    sendBy === undefined ? {} : { sendBy },
  );
  return {
    requestId: undefined,
    clientRequestId: '',
    attempts: sent.attempts,
    delivery: sent.uploadType === 'multipart' ? 'gmail-multipart' : 'gmail-resumable',
    internetMessageId: sent.internetMessageId,
    messageId: sent.messageId,
  };
};

/** Whether the credential's token may search its mailbox: gmail.send alone may not (gmail-trace.ts). */
export const mayReadGmail = (credential: StoredCredential): boolean =>
  credential.scope.split(' ').includes(GMAIL_MODIFY_SCOPE);

/**
 * An earlier attempt, looked up by its Message-ID in the sender's mailbox. A credential without a read scope
 * (outgoing mail only asks for gmail.send) cannot look: TraceUnavailableError, which the outbox settles as
 * DELIVERY_UNCERTAIN rather than send twice.
 */
export const findInGmail = async (
  credential: StoredCredential,
  internetMessageId: string,
  deps: GmailDeliveryDeps,
): Promise<MessageTrace> => {
  if (!mayReadGmail(credential)) {
    throw new TraceUnavailableError(
      `The Google Workspace credential "${credential.name}" may only send (gmail.send), so the sender's mailbox ` +
        'cannot be searched for the earlier attempt. Allowing gmail.modify (incoming mail) lets Issue Mailer check.',
    );
  }
  // The app makes no Gmail drafts, so anything found is the sent copy of an earlier attempt; Gmail has no request ids.
  const [found] = await findByMessageId(
    internetMessageId,
    { ...requestDeps(credential, deps), baseUrl: gmailBaseUrl(deps) },
    { includeSpamTrash: true },
  );
  return found === undefined
    ? { found: 'nothing', requestId: undefined }
    : { found: 'sent', messageId: found.id, requestId: undefined };
};
