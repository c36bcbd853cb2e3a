import type { ApplicationAccessPolicy, EmulatedMailbox, EmulatedTenant } from './types';

export interface PolicyVerdict {
  /** What Exchange's Test-ApplicationAccessPolicy reports as AccessCheckResult. */
  result: 'Granted' | 'Denied';
  /** The app's policies that decided it (none: the app is not restricted). */
  policies: ApplicationAccessPolicy[];
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether the tenant's application access policies let an app use a mailbox. Without a policy for the app every
 * mailbox is granted. RestrictAccess policies grant only their scope (together, the union of their scopes);
 * a DenyAccess policy takes its scope away.
 */
export const testApplicationAccessPolicy = (
  tenant: EmulatedTenant,
  appId: string,
  mailbox: EmulatedMailbox,
): PolicyVerdict => {
  const policies = (tenant.applicationAccessPolicies ?? []).filter((policy) => sameText(policy.appId, appId));
  const inScope = (policy: ApplicationAccessPolicy) =>
    policy.mailboxes.some((upn) => sameText(upn, mailbox.userPrincipalName));
  const restrictions = policies.filter((policy) => policy.accessRight === 'RestrictAccess');
  const denied =
    policies.some((policy) => policy.accessRight === 'DenyAccess' && inScope(policy)) ||
    (restrictions.length > 0 && !restrictions.some(inScope));
  return { result: denied ? 'Denied' : 'Granted', policies };
};
