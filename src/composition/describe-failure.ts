import { INTERNAL_MESSAGE, toResolverError } from '../resolvers/error-messages';

/** The fixed, safe message for an error, as the dialog would show it (never an unknown error's own words). */
export const describeFailureToUser = (error: unknown): string =>
  toResolverError(error, 'user')?.message ?? INTERNAL_MESSAGE;
