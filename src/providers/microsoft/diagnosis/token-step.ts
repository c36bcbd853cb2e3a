import type { DiagnosisStep } from '../../../contract/credential-health';
import { NO_PRIVATE_KEY_MESSAGE, NO_SECRET_MESSAGE } from '../../../credentials/credential-guidance';
import {
  type CredentialToken,
  type CredentialTokenDeps,
  requestCredentialToken,
} from '../../../credentials/credential-token';
import { step } from '../../../credentials/diagnosis/step';
import { PrivateKeyMissingError, SecretMissingError } from '../../../credentials/errors';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { tokenErrorGuidance } from '../../../oauth/aadsts-guidance';
import { TokenError } from '../../../oauth/errors';

export type TokenStepResult = { step: DiagnosisStep; token?: CredentialToken };

const REASON_WORDS = { expired: 'expired', invalid: 'invalid' } as const;

/**
 * Asks the token endpoint for a new token, as mail would (the next secret takes over from a refused current one),
 * and says what went wrong in the admin's words: the AADSTS guidance, and whether the typed expiry date is wrong.
 */
export const tokenStep = async (credential: StoredCredential, deps: CredentialTokenDeps): Promise<TokenStepResult> => {
  try {
    const token = await requestCredentialToken(credential, deps);
    const how =
      credential.clientAuthMethod === 'certificate'
        ? `signed with the certificate (thumbprint ${credential.certificate?.thumbprint ?? 'unknown'})`
        : 'with the client secret';
    const message = token.promoted
      ? `Got a token for ${credential.clientId} with the next secret: Microsoft refused the current secret as ` +
        `${REASON_WORDS[token.credential.lastRotation?.reason ?? 'invalid']}, so the next secret now replaces it. ` +
        'Delete the old secret in Certificates & secrets.'
      : `Got a token for ${credential.clientId}, ${how}.`;
    return { step: step('token', 'passed', message), token };
  } catch (error) {
    if (error instanceof TokenError) {
      return {
        step: step(
          'token',
          'failed',
          tokenErrorGuidance(error, { secretExpiresOn: credential.secretExpiresOn, now: deps.now() }),
          error.code,
        ),
      };
    }
    if (error instanceof SecretMissingError) return { step: step('token', 'failed', NO_SECRET_MESSAGE, error.code) };
    if (error instanceof PrivateKeyMissingError)
      return { step: step('token', 'failed', NO_PRIVATE_KEY_MESSAGE, error.code) };
    throw error;
  }
};
