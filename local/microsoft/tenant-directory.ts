import { isGuid } from './ids';
import type { EmulatedApp, EmulatedMailbox, EmulatedTenant, MicrosoftEmulatorConfig } from './types';

/** Tenant names that stand for many directories; client credentials cannot tell which one is meant. */
export const MULTI_TENANT_ALIASES = ['common', 'organizations', 'consumers'] as const;

export type TenantLookup =
  | { kind: 'found'; tenant: EmulatedTenant }
  | { kind: 'alias'; alias: string }
  | { kind: 'malformed' }
  | { kind: 'unknown' };

const DNS_NAME = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/** Looks up the directory by tenant id or one of its verified domains, as login.microsoftonline.com does. */
export class TenantDirectory {
  constructor(private readonly config: MicrosoftEmulatorConfig) {}

  lookup(segment: string): TenantLookup {
    const name = segment.trim().toLowerCase();
    if ((MULTI_TENANT_ALIASES as readonly string[]).includes(name)) return { kind: 'alias', alias: name };
    if (!isGuid(name) && !DNS_NAME.test(name)) return { kind: 'malformed' };
    const tenant = this.config.tenants.find(
      (candidate) =>
        candidate.id.toLowerCase() === name || candidate.domains.some((domain) => domain.toLowerCase() === name),
    );
    return tenant === undefined ? { kind: 'unknown' } : { kind: 'found', tenant };
  }

  byId(tenantId: string): EmulatedTenant | undefined {
    return this.config.tenants.find((tenant) => tenant.id.toLowerCase() === tenantId.toLowerCase());
  }

  /** The directory that registers an app (what /common resolves to in the emulator's user flows). */
  tenantOfApp(clientId: string): EmulatedTenant | undefined {
    return this.config.tenants.find((tenant) => TenantDirectory.app(tenant, clientId) !== undefined);
  }

  /** A user who can sign in on the emulator's page: a mailbox with a demo password, by object id or UPN. */
  static account(tenant: EmulatedTenant, idOrUpn: string): EmulatedMailbox | undefined {
    const found = TenantDirectory.mailbox(tenant, idOrUpn);
    return found?.password === undefined ? undefined : found;
  }

  static app(tenant: EmulatedTenant, clientId: string): EmulatedApp | undefined {
    return tenant.apps.find((app) => app.clientId.toLowerCase() === clientId.trim().toLowerCase());
  }

  /** A user by object id or userPrincipalName, case-insensitively, as Graph's /users/{id | userPrincipalName}. */
  static mailbox(tenant: EmulatedTenant, idOrUpn: string): EmulatedMailbox | undefined {
    const key = idOrUpn.trim().toLowerCase();
    return tenant.mailboxes.find(
      (mailbox) => mailbox.id.toLowerCase() === key || mailbox.userPrincipalName.toLowerCase() === key,
    );
  }
}
