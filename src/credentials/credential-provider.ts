import { GOOGLE_WORKSPACE } from '../contract/google-workspace-kinds';
import type { StoredCredential } from './stored-credential-schema';

/**
 * Which mail service a stored credential belongs to, apart from everything else about it: the provider registry
 * (src/providers/) picks an implementation by it, without loading either service's code.
 */
export const isGoogleCredential = (credential: StoredCredential): boolean => credential.provider === GOOGLE_WORKSPACE;
