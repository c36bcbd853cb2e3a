/**
 * An error's class and code, for the host's log and pages: exception messages may carry data (addresses, tokens,
 * answers of other systems) that must not be printed.
 */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
};
