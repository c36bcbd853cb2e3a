import type { EmulatorContext } from './context';
import type { GraphCaller } from './graph-auth';
import { GraphErrors, type GraphError } from './graph-errors';
import { TenantDirectory } from './tenant-directory';

/** Application permissions that let an app read another user's profile. */
const USER_READ_ROLES = ['User.Read.All', 'User.ReadWrite.All', 'User.ReadBasic.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

export type GetUserOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; error: GraphError };

/** GET /users/{id | userPrincipalName}: the default property set Graph returns for a user. */
export function getUser(ctx: EmulatorContext, caller: GraphCaller, user: string, version: string): GetUserOutcome {
  // Directory calls answer a token without any role differently from one with the wrong roles.
  if (caller.roles === undefined || caller.roles.length === 0) return { ok: false, error: GraphErrors.noPermissions() };
  if (!caller.roles.some((role) => USER_READ_ROLES.includes(role))) return { ok: false, error: GraphErrors.directoryAccessDenied() };
  const tenant = ctx.directory.byId(caller.tenantId);
  const found = tenant === undefined ? undefined : TenantDirectory.mailbox(tenant, user);
  if (found === undefined) return { ok: false, error: GraphErrors.userNotFound(user) };
  return {
    ok: true,
    body: {
      '@odata.context': `${ctx.urls.graph}/${version}/$metadata#users/$entity`,
      businessPhones: [],
      displayName: found.displayName,
      givenName: null,
      jobTitle: null,
      // A user without an Exchange Online mailbox has no primary SMTP address.
      mail: found.mailboxEnabled ? found.userPrincipalName : null,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: null,
      userPrincipalName: found.userPrincipalName,
      id: found.id,
    },
  };
}
