/** Per-field messages keyed by the payload's top-level field name, as ResolverError.fieldErrors is. */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The first message for each top-level field of a failed zod parse (`to.2` counts as `to`). */
export const fieldErrorsFromIssues = (issues: readonly IssueLike[]): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
};

/** Backend keys may be dotted paths (`to.0`); the form shows them on the top-level field. */
export const normaliseFieldErrors = (errors: FieldErrors | undefined): FieldErrors => {
  const normalised: FieldErrors = {};
  for (const [key, message] of Object.entries(errors ?? {})) {
    const field = key.split(/[.[]/)[0] ?? key;
    if (field && !(field in normalised)) normalised[field] = message;
  }
  return normalised;
};
