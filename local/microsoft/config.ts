import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MicrosoftEmulatorError, MicrosoftEmulatorErrorCode } from './errors';
import type { MicrosoftEmulatorConfig } from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A verified domain as Entra shows it: labels of letters, digits and hyphens.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const guid = (what: string) => z.string().regex(GUID, `${what} must be a GUID`);

const secretSchema = z
  .object({
    id: guid('secret id'),
    value: z.string().min(1, 'secret value must not be empty'),
    description: z.string(),
    expiresOn: z.iso.datetime({ offset: true, message: 'expiresOn must be an ISO date-time, e.g. 2099-12-31T00:00:00Z' }),
  })
  .strict();

const appSchema = z
  .object({
    displayName: z.string().min(1),
    clientId: guid('clientId'),
    secrets: z.array(secretSchema),
    applicationPermissions: z.array(z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)+$/, 'permission must look like Mail.Send')),
    adminConsentGranted: z.boolean(),
  })
  .strict();

const mailboxSchema = z
  .object({
    userPrincipalName: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'userPrincipalName must look like user@domain'),
    displayName: z.string().min(1),
    id: guid('mailbox id'),
    mailboxEnabled: z.boolean(),
  })
  .strict();

const tenantSchema = z
  .object({
    id: guid('tenant id'),
    domains: z.array(z.string().regex(DOMAIN, 'domain must be a DNS name')).min(1),
    displayName: z.string().min(1),
    apps: z.array(appSchema),
    mailboxes: z.array(mailboxSchema),
  })
  .strict();

const configSchema = z
  .object({
    tenants: z.array(tenantSchema).min(1),
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>();
    const unique = (value: string, path: (string | number)[], what: string) => {
      const key = `${what}:${value.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `${what} '${value}' is also used at ${first}` });
      } else {
        seen.set(key, path.join('.'));
      }
    };
    config.tenants.forEach((tenant, t) => {
      unique(tenant.id, ['tenants', t, 'id'], 'tenant id');
      tenant.domains.forEach((domain, d) => unique(domain, ['tenants', t, 'domains', d], 'domain'));
      tenant.apps.forEach((app, a) => {
        unique(`${tenant.id}/${app.clientId}`, ['tenants', t, 'apps', a, 'clientId'], 'clientId in tenant');
        app.secrets.forEach((secret, s) => unique(secret.id, ['tenants', t, 'apps', a, 'secrets', s, 'id'], 'secret id'));
      });
      tenant.mailboxes.forEach((mailbox, m) => {
        unique(mailbox.id, ['tenants', t, 'mailboxes', m, 'id'], 'mailbox id');
        unique(mailbox.userPrincipalName, ['tenants', t, 'mailboxes', m, 'userPrincipalName'], 'userPrincipalName');
      });
    });
  });

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates a tenant config (already parsed JSON); `source` names it in errors. */
export function parseTenantConfig(input: unknown, source = 'tenant config'): MicrosoftEmulatorConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw new MicrosoftEmulatorError(
      MicrosoftEmulatorErrorCode.ConfigInvalid,
      `Invalid ${source}: ${describeIssues(result.error.issues)}`,
      { cause: result.error },
    );
  }
  return result.data;
}

/** Reads and validates a tenant config JSON file such as local/microsoft/tenant.json. */
export function loadTenantConfig(path: string): MicrosoftEmulatorConfig {
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
    throw new MicrosoftEmulatorError(MicrosoftEmulatorErrorCode.ConfigInvalid, `Tenant config ${path} is not valid JSON`, {
      cause: error,
    });
  }
  return parseTenantConfig(json, `tenant config ${path}`);
}
