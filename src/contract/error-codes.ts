/** Codes a resolver may answer with outside a service's own family (see each src/<folder>/errors.ts). */
export const CommonErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  NotAdmin: 'NOT_ADMIN',
  NotFound: 'NOT_FOUND',
  NotConfigured: 'NOT_CONFIGURED',
  NoIssueContext: 'NO_ISSUE_CONTEXT',
  Internal: 'INTERNAL_ERROR',
} as const;
export type CommonErrorCode = (typeof CommonErrorCode)[keyof typeof CommonErrorCode];
