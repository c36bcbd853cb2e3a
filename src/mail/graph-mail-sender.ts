import type { CredentialService } from '../credentials/credential-service';
import type { StoredCredential } from '../credentials/stored-credential';
import { sendMail, type SendMailResult } from '../graph/mail-client';
import type { MailMessage } from '../graph/mail-message';
import type { RetryPolicy } from '../graph/retry';
import type { PolicyEnv } from '../http/endpoint-policy';
import type { TokenCache } from '../oauth/token-cache';
import { createTokenProvider } from '../oauth/token-provider';
import type { TokenMemo } from '../oauth/token-memo';
import type { Clock, FetchLike, Sleep } from '../shared/seams';

/** Sends a message from a credential's sender mailbox. */
export type SendAs = (credential: StoredCredential, message: MailMessage) => Promise<SendMailResult>;

export interface GraphMailSenderDeps {
  credentials: Pick<CredentialService, 'readSecret'>;
  tokenCache: TokenCache;
  fetch: FetchLike;
  now: Clock;
  sleep?: Sleep;
  memo?: TokenMemo;
  retryPolicy?: RetryPolicy;
  env?: PolicyEnv;
}

/** Wires the token provider of a credential to the Graph mail client. A copy is kept in Sent Items. */
export const createGraphMailSender =
  (deps: GraphMailSenderDeps): SendAs =>
  (credential, message) => {
    const tokenProvider = createTokenProvider(credential, {
      fetch: deps.fetch,
      now: deps.now,
      cache: deps.tokenCache,
      readClientSecret: () => deps.credentials.readSecret(credential.id),
      ...(deps.memo === undefined ? {} : { memo: deps.memo }),
      ...(deps.env === undefined ? {} : { env: deps.env }),
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
