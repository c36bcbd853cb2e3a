const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const CODE = /^[A-Z0-9_]{1,64}$/;

/**
 * What may be logged about an error: its class name and stable code. Never the message (it may quote a
 * response) and never the cause.
 */
export const safeErrorLabel = (error: unknown): string => {
  if (!(error instanceof Error)) return typeof error;
  const name = NAME.test(error.name) ? error.name : 'Error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && CODE.test(code) ? `${name} ${code}` : name;
};
