import { type CredentialInput, type CredentialView, DEFAULT_SCOPE, type ResolverResult } from '../../../src/contract';
import type { MicrosoftEmulator } from '../../microsoft/types';
import type { InstalledForgeRuntime } from '../runtime';
import type { ForgeHandler } from '../runtime-types';
import { type AppManifest, modulesOfType } from './manifest-modules';

export interface SeedDeps {
  manifest: AppManifest;
  handlers: Map<string, ForgeHandler>;
  runtime: InstalledForgeRuntime;
  microsoft: MicrosoftEmulator;
  adminAccountId: string;
  now?: () => Date;
  log: (line: string) => void;
}

export type SeedOutcome = 'seeded' | 'repointed' | 'present' | 'skipped';

export const DEMO_CREDENTIAL_NAME = 'Contoso support (emulator)';

/** Calls an admin resolver function as the local site's admin, the way the admin page would. */
export const adminResolverInvoker = (
  deps: Pick<SeedDeps, 'manifest' | 'handlers' | 'runtime' | 'adminAccountId'>,
): AdminInvoke | undefined => {
  const adminModule = modulesOfType(deps.manifest, 'jira:adminPage')[0];
  const functionKey = adminModule?.resolverFunctionKey;
  const handler = functionKey ? deps.handlers.get(functionKey) : undefined;
  if (!adminModule || !functionKey || !handler) return undefined;
  return async <T>(resolverFunctionKey: string, payload: unknown) =>
    (await deps.runtime.invoke(handler, {
      functionKey,
      resolverFunctionKey,
      payload,
      moduleKey: adminModule.key,
      accountId: deps.adminAccountId,
      extension: { type: adminModule.type },
    })) as ResolverResult<T>;
};

export type AdminInvoke = <T>(resolverFunctionKey: string, payload: unknown) => Promise<ResolverResult<T>>;

/**
 * On a fresh data folder, stores a working credential for the emulated tenant, so that "Email this issue"
 * works at once. It goes through the admin resolver like the admin page would; the secret is never printed.
 */
export const seedDemoCredential = async (deps: SeedDeps): Promise<SeedOutcome> => {
  const invoke = adminResolverInvoker(deps);
  if (invoke === undefined) {
    deps.log('Demo credential not seeded: the manifest has no admin page with a resolver.');
    return 'skipped';
  }

  const now = (deps.now ?? (() => new Date()))().getTime();
  const tenant = deps.microsoft.config.tenants[0];
  const app = tenant?.apps.find(
    (candidate) =>
      candidate.adminConsentGranted && candidate.secrets.some((secret) => Date.parse(secret.expiresOn) > now),
  );
  const secret = app?.secrets.find((candidate) => Date.parse(candidate.expiresOn) > now);
  const mailbox = tenant?.mailboxes.find((candidate) => candidate.mailboxEnabled);
  if (!tenant || !app || !secret || !mailbox) {
    deps.log('Demo credential not seeded: the emulated tenant has no consented app with a valid secret and mailbox.');
    return 'skipped';
  }

  const input: CredentialInput = {
    name: DEMO_CREDENTIAL_NAME,
    provider: 'microsoft365',
    grantType: 'client_credentials',
    clientId: app.clientId,
    clientSecret: secret.value,
    tokenEndpoint: `${deps.microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
    scope: DEFAULT_SCOPE,
    senderMailbox: mailbox.userPrincipalName,
    graphBaseUrl: `${deps.microsoft.graphBaseUrl}/v1.0`,
    secretExpiresOn: secret.expiresOn.slice(0, 10),
  };
  const listed = await invoke<CredentialView[]>('listCredentials', {});
  if (!listed.ok) {
    deps.log(`Demo credential not seeded: listCredentials answered ${listed.error.code}.`);
    return 'skipped';
  }
  // The emulator's ports follow PORT, so a data folder from a run on another port holds stale URLs.
  const stale = listed.data.find(
    (c) =>
      c.name === DEMO_CREDENTIAL_NAME &&
      c.clientId === input.clientId &&
      (c.tokenEndpoint !== input.tokenEndpoint || c.graphBaseUrl !== input.graphBaseUrl),
  );
  if (stale) {
    const repointed = await invoke<CredentialView>('saveCredential', { ...input, id: stale.id, clientSecret: '' });
    if (!repointed.ok) {
      deps.log(`Demo credential not updated: saveCredential answered ${repointed.error.code}.`);
      return 'present';
    }
    deps.log(`Pointed the demo credential "${DEMO_CREDENTIAL_NAME}" at this run's Microsoft emulator.`);
    return 'repointed';
  }
  if (listed.data.length > 0) return 'present';

  const saved = await invoke<CredentialView>('saveCredential', input);
  if (!saved.ok) {
    const fields = Object.keys(saved.error.fieldErrors ?? {}).join(', ');
    deps.log(`Demo credential not seeded: saveCredential answered ${saved.error.code}${fields ? ` (${fields})` : ''}.`);
    return 'skipped';
  }
  deps.log(
    `Seeded the demo credential "${saved.data.name}" (client ID ${saved.data.clientId}, sender ${saved.data.senderMailbox}).`,
  );
  return 'seeded';
};
