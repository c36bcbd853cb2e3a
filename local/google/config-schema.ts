import { z } from 'zod';

/*
 * The shape of a Workspace config file (local/google/workspace.json): one Google Workspace domain with its users,
 * the Cloud service accounts (their public keys only, as Google keeps them) and the Admin console's domain-wide
 * delegation table. A key's public PEM may be inline or in a file next to the config.
 */

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9.-]{1,253}$/;
const SERVICE_ACCOUNT_EMAIL = /^[a-z0-9][a-z0-9._-]{0,99}@[a-z0-9.-]{1,200}\.gserviceaccount\.com$/;
// Gmail's scopes and the others an admin may paste: https://www.googleapis.com/auth/<name> or Google's short ones.
const SCOPE =
  /^(https:\/\/(www\.)?googleapis\.com\/auth\/[a-z0-9._-]+|https:\/\/mail\.google\.com\/|openid|email|profile)$/;

export const scopeSchema = z.string().regex(SCOPE, 'scope must be a Google OAuth scope URL');

const userSchema = z
  .object({
    primaryEmail: z.string().regex(EMAIL, 'primaryEmail must be a lower-case email address'),
    name: z.string().min(1),
    suspended: z.boolean().optional(),
  })
  .strict();

const keySchema = z
  .object({
    privateKeyId: z.string().regex(/^[0-9a-f]{40}$/, 'privateKeyId must be 40 lower-case hex digits'),
    publicKeyPem: z.string().min(1).optional(),
    publicKeyFile: z.string().min(1).optional(),
    disabled: z.boolean().optional(),
    /** Emulator only: the JSON key file of a demo key, which the Admin console page offers to download. */
    demoKeyFile: z.string().min(1).optional(),
  })
  .strict()
  .refine((key) => (key.publicKeyPem === undefined) !== (key.publicKeyFile === undefined), {
    message: 'give either publicKeyPem or publicKeyFile',
    path: ['publicKeyPem'],
  });

const serviceAccountSchema = z
  .object({
    clientEmail: z.string().regex(SERVICE_ACCOUNT_EMAIL, 'clientEmail must end in .gserviceaccount.com'),
    clientId: z.string().regex(/^\d{6,32}$/, 'clientId must be the numeric client ID'),
    projectId: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'projectId must be a Google Cloud project ID'),
    displayName: z.string().min(1),
    disabled: z.boolean().optional(),
    keys: z.array(keySchema),
  })
  .strict();

const delegationSchema = z
  .object({
    clientId: z.string().regex(/^\d{6,32}$/, 'clientId must be the numeric client ID'),
    scopes: z.array(scopeSchema),
  })
  .strict();

export const workspaceConfigSchema = z
  .object({
    domain: z.string().regex(DOMAIN, 'domain must be a lower-case DNS name'),
    users: z.array(userSchema).min(1),
    serviceAccounts: z.array(serviceAccountSchema),
    domainWideDelegation: z.array(delegationSchema),
    tokenLifetimeSeconds: z.number().int().min(60).max(3600).optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    config.users.forEach((user, index) => {
      if (!user.primaryEmail.endsWith(`@${config.domain}`)) {
        ctx.addIssue({
          code: 'custom',
          message: `primaryEmail must be in the domain ${config.domain}`,
          path: ['users', index, 'primaryEmail'],
        });
      }
    });
  });

export type WorkspaceConfigInput = z.infer<typeof workspaceConfigSchema>;
