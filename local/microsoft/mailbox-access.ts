import { testApplicationAccessPolicy } from './access-policy';
import type { EmulatorContext } from './context';
import type { GraphCaller } from './graph-auth';
import { type GraphError, GraphErrors } from './graph-errors';
import { TenantDirectory } from './tenant-directory';
import type { EmulatedMailbox, EmulatedTenant } from './types';

export type MailboxAccess =
  { ok: true; tenant: EmulatedTenant; mailbox: EmulatedMailbox } | { ok: false; error: GraphError };

/**
 * The mailbox behind `/users/{id | userPrincipalName}` for a mail operation, in the order Exchange refuses:
 * no such user, another user's mailbox for a delegated token, no Exchange Online mailbox, then the tenant's
 * application access policy (app-only tokens). The caller checks the
 * operation's permission first.
 */
export const openMailbox = (ctx: EmulatorContext, caller: GraphCaller, user: string): MailboxAccess => {
  const tenant = ctx.directory.byId(caller.tenantId);
  const mailbox = tenant === undefined ? undefined : TenantDirectory.mailbox(tenant, user);
  if (tenant === undefined || mailbox === undefined) return { ok: false, error: GraphErrors.invalidUser(user) };
  // A delegated token acts for its user only: another user's mailbox needs Mail.Send.Shared and Exchange rights
  // (https://learn.microsoft.com/en-us/graph/outlook-send-mail-from-other-user), which the emulator does not grant.
  if (caller.user !== undefined && caller.user.id.toLowerCase() !== mailbox.id.toLowerCase())
    return { ok: false, error: GraphErrors.mailAccessDenied() };
  if (!mailbox.mailboxEnabled) return { ok: false, error: GraphErrors.mailboxNotEnabled() };
  // Application access policies limit application permissions only; a delegated caller is the mailbox's own user.
  if (caller.user === undefined && testApplicationAccessPolicy(tenant, caller.appId, mailbox).result === 'Denied') {
    return { ok: false, error: GraphErrors.appAccessPolicyDenied() };
  }
  return { ok: true, tenant, mailbox };
};
