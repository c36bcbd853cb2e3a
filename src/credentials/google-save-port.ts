import type { ParsedGoogleCredentialInput } from '../contract/google-workspace';
import type { SecretKind } from './credential-store';
import type { StoredCredential } from './stored-credential';

/*
 * What a save of a Google Workspace credential needs from its provider (CredentialService.saveGoogle): the uploaded
 * key file read and checked, and the record it makes. The composition root fills it from providers/; reading a key
 * loads a signing library, so the provider loads that code on first use.
 */

/** The record fields a save of a Google credential sets, beside id, default and dates. */
export type GoogleSettings = Pick<
  StoredCredential,
  | 'name'
  | 'provider'
  | 'grantType'
  | 'clientAuthMethod'
  | 'clientId'
  | 'tokenEndpoint'
  | 'scope'
  | 'senderMailbox'
  | 'graphBaseUrl'
>;

export type GoogleKeyFields = Pick<
  StoredCredential,
  'hasSecret' | 'hasNextSecret' | 'hasPrivateKey' | 'serviceAccount'
>;

export interface GooglePlan {
  settings: GoogleSettings;
  fields: GoogleKeyFields;
  writes: Array<[SecretKind, string]>;
}

/**
 * Reads the input's key file (refused as a field error) and answers what the save stores, given the credential as
 * stored (undefined when creating) and the save's time.
 */
export type PlanGoogleSave = (
  input: ParsedGoogleCredentialInput,
) => Promise<(current: StoredCredential | undefined, at: string) => GooglePlan>;
