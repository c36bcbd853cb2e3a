import type { ConnectionTestResult } from '../contract/credentials';
import type { PolicyEnv } from '../http/endpoint-policy';
import { tokenErrorGuidance } from '../oauth/aadsts-guidance';
import { TokenError } from '../oauth/errors';
import type { TokenCache } from '../oauth/token-cache';
import { readTokenPermissions } from '../oauth/token-claims';
import { requestClientCredentialsToken } from '../oauth/token-client';
import { tokenFingerprint } from '../oauth/token-fingerprint';
import { processTokenMemo, type TokenMemo } from '../oauth/token-memo';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock, FetchLike } from '../shared/seams';
import type { CredentialService } from './credential-service';
import { SecretMissingError } from './errors';

export interface TestConnectionDeps {
  credentials: Pick<CredentialService, 'get' | 'readSecret' | 'recordTestResult'>;
  tokenCache: TokenCache;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  env?: PolicyEnv;
}

export const MAIL_SEND_ROLE = 'Mail.Send';
export const MISSING_MAIL_SEND = 'TOKEN_MISSING_MAIL_SEND';

/**
 * Asks the token endpoint for a new token (never the cache) and reports what an admin needs to know: whether the
 * credential works and whether the token carries Mail.Send. The result is stored as the credential's `lastTest`;
 * a good token replaces the cached one, so fixing consent and testing again takes effect at once.
 */
export const testConnection = async (id: string, deps: TestConnectionDeps): Promise<ConnectionTestResult> => {
  const credential = await deps.credentials.get(id);
  const testedAt = (): string => new Date(deps.now()).toISOString();
  let result: ConnectionTestResult;
  try {
    const clientSecret = await deps.credentials.readSecret(id);
    const token = await requestClientCredentialsToken(
      { tokenEndpoint: credential.tokenEndpoint, clientId: credential.clientId, clientSecret, scope: credential.scope },
      { fetch: deps.fetch, now: deps.now, ...(deps.env === undefined ? {} : { env: deps.env }) },
    );
    const fingerprint = tokenFingerprint(credential);
    (deps.memo ?? processTokenMemo).put(credential.id, fingerprint, token);
    try {
      await deps.tokenCache.put(credential.id, fingerprint, token);
    } catch (error) {
      console.warn(`[issue-mailer] token cache write failed: ${safeErrorLabel(error)}`);
    }
    result = { ...describePermissions(credential.clientId, token.accessToken), testedAt: testedAt() };
  } catch (error) {
    if (error instanceof TokenError) {
      result = { ok: false, code: error.code, message: tokenErrorGuidance(error), testedAt: testedAt() };
    } else if (error instanceof SecretMissingError) {
      result = {
        ok: false,
        code: error.code,
        message: "No client secret is stored for this credential. Edit it, paste the client secret's Value and save.",
        testedAt: testedAt(),
      };
    } else {
      throw error;
    }
  }
  await deps.credentials.recordTestResult(id, result);
  return result;
};

const CONSENT_STEPS =
  "In the app registration's API permissions, add Microsoft Graph > Application permissions > Mail.Send, " +
  'select "Grant admin consent", then test again.';

const describePermissions = (clientId: string, accessToken: string): Omit<ConnectionTestResult, 'testedAt'> => {
  const permissions = readTokenPermissions(accessToken);
  if (!permissions.readable) {
    return {
      ok: true,
      code: 'OK',
      message: `Connected: got a token for ${clientId}. Its permissions cannot be read here; send a test email to confirm Mail.Send.`,
    };
  }
  if (permissions.roles.includes(MAIL_SEND_ROLE)) {
    return {
      ok: true,
      code: 'OK',
      message: `Connected: got a token for ${clientId} and it carries the Mail.Send application permission.`,
    };
  }
  return {
    ok: false,
    code: MISSING_MAIL_SEND,
    message:
      permissions.roles.length === 0
        ? `Got a token for ${clientId}, but it carries no application permissions (admin consent is missing). ${CONSENT_STEPS}`
        : `Got a token for ${clientId}, but it lacks the Mail.Send application permission. ${CONSENT_STEPS}`,
  };
};
