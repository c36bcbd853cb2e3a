export * from './result';
export * from './error-codes';
export * from './credentials';
export * from './issue-email';
export * from './functions';
export * from './credential-health';
export * from './microsoft-clouds';
export * from './credential-input-rules';
