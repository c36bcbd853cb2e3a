import type { CredentialService } from '../credentials/credential-service';
import { requestCredentialToken } from '../credentials/credential-token';
import type { StoredCredential } from '../credentials/stored-credential';
import { sendMail, type SendMailResult } from '../graph/mail-client';
import type { MailMessage } from '../graph/mail-message';
import type { RetryPolicy } from '../graph/retry';
import type { PolicyEnv } from '../http/endpoint-policy';
import { TokenError } from '../oauth/errors';
import type { TokenCache } from '../oauth/token-cache';
import { createTokenProvider } from '../oauth/token-provider';
import type { TokenMemo } from '../oauth/token-memo';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock, FetchLike, Sleep } from '../shared/seams';

/** Sends a message from a credential's sender mailbox. */
export type SendAs = (credential: StoredCredential, message: MailMessage) => Promise<SendMailResult>;

export interface GraphMailSenderDeps {
  credentials: Pick<CredentialService, 'readSecret' | 'readNextSecret' | 'readPrivateKey' | 'promoteNextSecret'>;
  tokenCache: TokenCache;
  fetch: FetchLike;
  now: Clock;
  sleep?: Sleep;
  memo?: TokenMemo;
  retryPolicy?: RetryPolicy;
  env?: PolicyEnv;
  /** Told when the next secret took over from a refused current one. */
  onPromoted?: (credential: StoredCredential) => Promise<void>;
  /** Told when Microsoft refused to issue a token, so the admin page can say so. */
  onTokenRefused?: (credential: StoredCredential, error: TokenError) => Promise<void>;
}

/**
 * Wires the token provider of a credential to the Graph mail client. A copy is kept in Sent Items. A refused
 * current secret falls back to the next secret (credential-token.ts); a refusal is reported, then rethrown.
 */
export const createGraphMailSender =
  (deps: GraphMailSenderDeps): SendAs =>
  (credential, message) => {
    const requestToken = async () => {
      try {
        const { token } = await requestCredentialToken(credential, {
          credentials: deps.credentials,
          fetch: deps.fetch,
          now: deps.now,
          ...(deps.env === undefined ? {} : { env: deps.env }),
          ...(deps.onPromoted === undefined ? {} : { onPromoted: deps.onPromoted }),
        });
        return token;
      } catch (error) {
        if (error instanceof TokenError && deps.onTokenRefused !== undefined) {
          try {
            await deps.onTokenRefused(credential, error);
          } catch (hookError) {
            console.warn(`[issue-mailer] recording the token refusal failed: ${safeErrorLabel(hookError)}`);
          }
        }
        throw error;
      }
    };
    const tokenProvider = createTokenProvider(credential, {
      now: deps.now,
      cache: deps.tokenCache,
      requestToken,
      ...(deps.memo === undefined ? {} : { memo: deps.memo }),
    });
    return sendMail(
      { mailbox: credential.senderMailbox, message, saveToSentItems: true },
      {
        fetch: deps.fetch,
        tokenProvider,
        graphBaseUrl: credential.graphBaseUrl,
        now: deps.now,
        ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
        ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
        ...(deps.env === undefined ? {} : { env: deps.env }),
      },
    );
  };
