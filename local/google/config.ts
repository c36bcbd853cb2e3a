import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { type WorkspaceConfigInput, workspaceConfigSchema } from './config-schema';
import { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';
import type { GoogleWorkspaceConfig } from './types';

/** Google's access tokens last an hour; the token endpoint says 3599 seconds. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

const configInvalid = (message: string, cause?: unknown): GoogleEmulatorError =>
  new GoogleEmulatorError(GoogleEmulatorErrorCode.ConfigInvalid, message, { cause });

const readPublicKey = (file: string, baseDir: string, where: string): string => {
  try {
    return readFileSync(resolve(baseDir, file), 'utf8');
  } catch (error) {
    throw configInvalid(`${where}: cannot read publicKeyFile ${file}`, error);
  }
};

const resolveConfig = (input: WorkspaceConfigInput, baseDir: string, source: string): GoogleWorkspaceConfig => ({
  domain: input.domain,
  users: input.users.map((user) => ({ ...user, suspended: user.suspended ?? false })),
  serviceAccounts: input.serviceAccounts.map((account, a) => ({
    ...account,
    disabled: account.disabled ?? false,
    keys: account.keys.map((key, k) => ({
      privateKeyId: key.privateKeyId,
      disabled: key.disabled ?? false,
      ...(key.demoKeyFile === undefined ? {} : { demoKeyFile: resolve(baseDir, key.demoKeyFile) }),
      publicKeyPem:
        key.publicKeyPem ??
        readPublicKey(key.publicKeyFile ?? '', baseDir, `${source}: serviceAccounts.${a}.keys.${k}`),
    })),
  })),
  domainWideDelegation: input.domainWideDelegation.map((entry) => ({ ...entry, scopes: [...entry.scopes] })),
  tokenLifetimeSeconds: input.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
});

/** Validates a Workspace config (already parsed JSON); key files are relative to `baseDir`. */
export const parseWorkspaceConfig = (
  input: unknown,
  source = 'Workspace config',
  baseDir = process.cwd(),
): GoogleWorkspaceConfig => {
  const result = workspaceConfigSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 10)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
      .join('; ');
    throw configInvalid(`Invalid ${source}: ${issues}`, result.error);
  }
  return resolveConfig(result.data, baseDir, source);
};

/** Reads local/google/workspace.json or another file shaped like it. */
export const loadWorkspaceConfig = (path: string): GoogleWorkspaceConfig => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GoogleEmulatorError(
      GoogleEmulatorErrorCode.ConfigUnreadable,
      `Cannot read Workspace config ${path} as JSON`,
      { cause: error },
    );
  }
  return parseWorkspaceConfig(json, `Workspace config ${path}`, dirname(path));
};
