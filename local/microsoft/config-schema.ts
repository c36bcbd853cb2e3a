import { z } from 'zod';

import { redirectUriProblem } from './redirect-uris';

/*
 * The shape of a tenant config file (local/microsoft/tenant.json). It allows a little more than the resolved
 * MicrosoftEmulatorConfig: `expiresInDays` for a secret and `certificateFile` / `privateKeyFile` for a
 * certificate, which config-resolve.ts turns into dates and PEM text.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A verified domain as Entra shows it: labels of letters, digits and hyphens.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A secret may expire up to 100 years either side of today. */
const MAX_DAYS = 36_500;

const guid = (what: string) => z.string().regex(GUID, `${what} must be a GUID`);
const dateTime = (what: string) =>
  z.iso.datetime({ offset: true, message: `${what} must be an ISO date-time, e.g. 2099-12-31T00:00:00Z` });
const upn = () => z.string().regex(UPN, 'userPrincipalName must look like user@domain');

const secretSchema = z
  .object({
    id: guid('secret id'),
    value: z.string().min(1, 'secret value must not be empty'),
    description: z.string(),
    expiresOn: dateTime('expiresOn').optional(),
    expiresInDays: z
      .number()
      .int('expiresInDays must be a whole number of days')
      .min(-MAX_DAYS)
      .max(MAX_DAYS)
      .optional(),
  })
  .strict()
  .refine((secret) => (secret.expiresOn === undefined) !== (secret.expiresInDays === undefined), {
    message: 'give either expiresOn or expiresInDays',
    path: ['expiresOn'],
  });

const certificateSchema = z
  .object({
    id: guid('certificate id').optional(),
    thumbprint: z
      .string()
      .regex(/^[0-9a-f]{40}$/i, 'thumbprint must be the SHA-1 thumbprint in hex, as the portal shows it'),
    certificatePem: z.string().min(1).optional(),
    certificateFile: z.string().min(1).optional(),
    privateKeyPem: z.string().min(1).optional(),
    privateKeyFile: z.string().min(1).optional(),
    description: z.string().optional(),
    startsOn: dateTime('startsOn').optional(),
    expiresOn: dateTime('expiresOn').optional(),
  })
  .strict()
  .refine((cert) => (cert.certificatePem === undefined) !== (cert.certificateFile === undefined), {
    message: 'give either certificatePem or certificateFile',
    path: ['certificatePem'],
  })
  .refine((cert) => cert.privateKeyPem === undefined || cert.privateKeyFile === undefined, {
    message: 'give privateKeyPem or privateKeyFile, not both',
    path: ['privateKeyPem'],
  });

const appSchema = z
  .object({
    displayName: z.string().min(1),
    clientId: guid('clientId'),
    secrets: z.array(secretSchema),
    certificates: z.array(certificateSchema).optional(),
    applicationPermissions: z.array(
      z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)+$/, 'permission must look like Mail.Send'),
    ),
    adminConsentGranted: z.boolean(),
    redirectUris: z
      .array(
        z.string().superRefine((uri, ctx) => {
          const problem = redirectUriProblem(uri);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        }),
      )
      .optional(),
    delegatedPermissions: z
      .array(
        z
          .string()
          .regex(
            /^([A-Za-z]+(\.[A-Za-z]+)+|openid|profile|email|offline_access)$/,
            'delegated permission must look like Mail.Send or be openid, profile, email or offline_access',
          ),
      )
      .optional(),
    delegatedAdminConsentGranted: z.boolean().optional(),
  })
  .strict();

const mailboxSchema = z
  .object({
    userPrincipalName: upn(),
    displayName: z.string().min(1),
    id: guid('mailbox id'),
    mailboxEnabled: z.boolean(),
    password: z.string().min(1, 'password must not be empty').optional(),
  })
  .strict();

const directoryUserSchema = z
  .object({
    userPrincipalName: upn(),
    displayName: z.string().min(1),
    id: guid('user id'),
    mail: z.string().regex(UPN, 'mail must look like user@domain').nullable().optional(),
    givenName: z.string().optional(),
    surname: z.string().optional(),
    jobTitle: z.string().optional(),
    department: z.string().optional(),
  })
  .strict();

const policySchema = z
  .object({
    appId: guid('appId'),
    accessRight: z.enum(['RestrictAccess', 'DenyAccess'], {
      message: "accessRight must be 'RestrictAccess' or 'DenyAccess'",
    }),
    mailboxes: z.array(upn()).min(1, 'a policy scopes at least one mailbox'),
    description: z.string().optional(),
  })
  .strict();

const tenantSchema = z
  .object({
    id: guid('tenant id'),
    domains: z.array(z.string().regex(DOMAIN, 'domain must be a DNS name')).min(1),
    displayName: z.string().min(1),
    apps: z.array(appSchema),
    mailboxes: z.array(mailboxSchema),
    users: z.array(directoryUserSchema).optional(),
    applicationAccessPolicies: z.array(policySchema).optional(),
  })
  .strict();

export const tenantConfigSchema = z
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
        app.secrets.forEach((secret, s) =>
          unique(secret.id, ['tenants', t, 'apps', a, 'secrets', s, 'id'], 'secret id'),
        );
        (app.certificates ?? []).forEach((cert, c) => {
          const path = ['tenants', t, 'apps', a, 'certificates', c];
          unique(
            `${tenant.id}/${app.clientId}/${cert.thumbprint}`,
            [...path, 'thumbprint'],
            'certificate thumbprint in app',
          );
          if (cert.id !== undefined) unique(cert.id, [...path, 'id'], 'certificate id');
        });
      });
      tenant.mailboxes.forEach((mailbox, m) => {
        unique(mailbox.id, ['tenants', t, 'mailboxes', m, 'id'], 'mailbox id');
        unique(mailbox.userPrincipalName, ['tenants', t, 'mailboxes', m, 'userPrincipalName'], 'userPrincipalName');
      });
      (tenant.users ?? []).forEach((user, u) => {
        unique(user.id, ['tenants', t, 'users', u, 'id'], 'mailbox id');
        unique(user.userPrincipalName, ['tenants', t, 'users', u, 'userPrincipalName'], 'userPrincipalName');
      });
      (tenant.applicationAccessPolicies ?? []).forEach((policy, p) =>
        policy.mailboxes.forEach((mailbox, m) => {
          if (!tenant.mailboxes.some((known) => known.userPrincipalName.toLowerCase() === mailbox.toLowerCase())) {
            ctx.addIssue({
              code: 'custom',
              path: ['tenants', t, 'applicationAccessPolicies', p, 'mailboxes', m],
              message: `'${mailbox}' is not a mailbox of this tenant`,
            });
          }
        }),
      );
    });
  });

export type TenantConfigFile = z.output<typeof tenantConfigSchema>;
export type TenantConfigFileCertificate = z.output<typeof certificateSchema>;
