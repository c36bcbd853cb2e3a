/** A resolver's answer as the handlers return it. */
export type Answer<T = Record<string, unknown>> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };

/** The data of an answer that must be ok; a failed one throws with its code and message, so the test says why. */
export const data = <T>(answer: unknown): T => {
  const a = answer as Answer<T>;
  if (!a.ok) throw new Error(`expected ok, got ${a.error.code}: ${a.error.message}`);
  return a.data;
};
