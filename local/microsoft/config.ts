import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { z } from 'zod';

import { type ConfigIssue, resolveTenantConfig } from './config-resolve';
import { tenantConfigSchema } from './config-schema';
import { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
import type { MicrosoftEmulatorConfig } from './types';

export interface ParseTenantConfigOptions {
  /** Folder that `certificateFile` / `privateKeyFile` are relative to. */
  baseDir?: string;
  /** "Today" for secrets given as `expiresInDays`; the system clock by default. */
  now?: Date;
}

const describeIssues = (issues: readonly (z.core.$ZodIssue | ConfigIssue)[]): string =>
  issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');

/** Validates a tenant config (already parsed JSON) and resolves it; `source` names it in errors. */
export const parseTenantConfig = (
  input: unknown,
  source = 'tenant config',
  options: ParseTenantConfigOptions = {},
): MicrosoftEmulatorConfig => {
  const result = tenantConfigSchema.safeParse(input);
  if (!result.success) {
    throw new MicrosoftEmulatorError(
      MicrosoftEmulatorErrorCode.ConfigInvalid,
      `Invalid ${source}: ${describeIssues(result.error.issues)}`,
      { cause: result.error },
    );
  }
  const resolved = resolveTenantConfig(result.data, { baseDir: options.baseDir, now: options.now ?? new Date() });
  if (!resolved.ok) {
    throw new MicrosoftEmulatorError(
      MicrosoftEmulatorErrorCode.ConfigInvalid,
      `Invalid ${source}: ${describeIssues(resolved.issues)}`,
    );
  }
  return resolved.config;
};

/**
 * Reads and validates a tenant config JSON file such as local/microsoft/tenant.json; certificate files are
 * relative to it, and `expiresInDays` counts from `options.now` (today by default).
 */
export const loadTenantConfig = (path: string, options: { now?: Date } = {}): MicrosoftEmulatorConfig => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.ConfigUnreadable, `Cannot read tenant config ${path}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MicrosoftEmulatorError(
      MicrosoftEmulatorErrorCode.ConfigInvalid,
      `Tenant config ${path} is not valid JSON`,
      {
        cause: error,
      },
    );
  }
  return parseTenantConfig(json, `tenant config ${path}`, { baseDir: dirname(path), now: options.now });
};
