import type { DeliveryResult } from '../mail-model/outgoing-message';
import { gmailAcceptedNote, googleWordsOf } from './google/words';
import { GRAPH_ACCEPTED_NOTE } from './microsoft/words';

/*
 * The mail services' words, gathered for messages/error-words.ts: Graph's table keyed by code (one of its codes,
 * ENDPOINT_NOT_ALLOWED, is also the http/ family's), and Google's bound to an error by its class.
 */

export { googleTokenRefusal } from './google/words';
export { GRAPH_WORDS as MICROSOFT_SERVICE_WORDS, MICROSOFT_SIGN_IN_REFUSED } from './microsoft/words';
export { MAY_HAVE_GONE, type ServiceWords, TELL_ADMIN } from './phrases';

/** The words of an error of a family whose codes are told apart by class, bound to it; undefined for any other. */
export const serviceWordsByClass = (error: unknown): { admin: string; user?: string } | undefined =>
  googleWordsOf(error);

/** The email log's note for an email its provider accepted, in that provider's terms. */
export const acceptedNote = (result: DeliveryResult): string => gmailAcceptedNote(result) ?? GRAPH_ACCEPTED_NOTE;
