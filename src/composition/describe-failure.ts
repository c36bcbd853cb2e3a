import { errorWords } from '../messages/error-words';
import { INTERNAL_MESSAGE } from '../messages/words';

/** The fixed, safe message for an error, as the dialog would show it (never an unknown error's own words). */
export const describeFailureToUser = (error: unknown): string => errorWords(error, 'user')?.message ?? INTERNAL_MESSAGE;
