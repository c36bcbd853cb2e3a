import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

import type { TenantConfigFile, TenantConfigFileCertificate } from './config-schema';
import { stableGuid } from './ids';
import type {
  EmulatedApp,
  EmulatedCertificate,
  EmulatedSecret,
  EmulatedTenant,
  MicrosoftEmulatorConfig,
} from './types';
import { type CertificateFacts, privateKeyMatches, readCertificatePem } from './x509';

export interface ResolveOptions {
  /** Folder that `certificateFile` and `privateKeyFile` are relative to; without it those fields are refused. */
  baseDir?: string;
  /** "Today" for `expiresInDays`. */
  now: Date;
}

export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

export type ResolveOutcome = { ok: true; config: MicrosoftEmulatorConfig } | { ok: false; issues: ConfigIssue[] };

const DAY_MS = 86_400_000;

/** `2030-06-01T00:00:00Z`: the date-time form the config uses. */
const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Midnight (UTC) `days` after today, so a demo secret keeps expiring "in 20 days" whenever the emulator starts. */
export const daysFromToday = (days: number, now: Date): string => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return isoSeconds(new Date(today + days * DAY_MS));
};

/**
 * Turns a validated config file into the emulator's config: secret expiries relative to today become dates,
 * certificate and key files are read, and each certificate is checked against its thumbprint and dates the way
 * the portal checks an upload.
 */
export const resolveTenantConfig = (file: TenantConfigFile, options: ResolveOptions): ResolveOutcome => {
  const issues: ConfigIssue[] = [];
  const tenants = file.tenants.map((tenant, t): EmulatedTenant => {
    const apps = tenant.apps.map((app, a): EmulatedApp => {
      const path = ['tenants', t, 'apps', a];
      const secrets = app.secrets.map((secret): EmulatedSecret => ({
        id: secret.id,
        value: secret.value,
        description: secret.description,
        expiresOn: secret.expiresOn ?? daysFromToday(secret.expiresInDays ?? 0, options.now),
      }));
      const resolved: EmulatedApp = {
        displayName: app.displayName,
        clientId: app.clientId,
        secrets,
        applicationPermissions: [...app.applicationPermissions],
        adminConsentGranted: app.adminConsentGranted,
      };
      if (app.redirectUris !== undefined) resolved.redirectUris = [...app.redirectUris];
      if (app.delegatedPermissions !== undefined) resolved.delegatedPermissions = [...app.delegatedPermissions];
      if (app.delegatedAdminConsentGranted !== undefined)
        resolved.delegatedAdminConsentGranted = app.delegatedAdminConsentGranted;
      if (app.certificates !== undefined) {
        resolved.certificates = app.certificates.flatMap((cert, c) => {
          const outcome = resolveCertificate(cert, { tenantId: tenant.id, clientId: app.clientId }, options);
          if (outcome.ok) return [outcome.certificate];
          issues.push({ path: [...path, 'certificates', c, ...outcome.issue.path], message: outcome.issue.message });
          return [];
        });
      }
      return resolved;
    });
    const resolved: EmulatedTenant = {
      id: tenant.id,
      domains: [...tenant.domains],
      displayName: tenant.displayName,
      apps,
      mailboxes: tenant.mailboxes.map((mailbox) => ({ ...mailbox })),
    };
    if (tenant.users !== undefined) resolved.users = tenant.users.map((user) => ({ ...user }));
    if (tenant.applicationAccessPolicies !== undefined) {
      resolved.applicationAccessPolicies = tenant.applicationAccessPolicies.map((policy) => ({
        ...policy,
        mailboxes: [...policy.mailboxes],
      }));
    }
    return resolved;
  });
  if (issues.length > 0) return { ok: false, issues };
  const config: MicrosoftEmulatorConfig = { tenants };
  if (file.tokenLifetimeSeconds !== undefined) config.tokenLifetimeSeconds = file.tokenLifetimeSeconds;
  return { ok: true, config };
};

type CertificateOutcome = { ok: true; certificate: EmulatedCertificate } | { ok: false; issue: ConfigIssue };

const resolveCertificate = (
  cert: TenantConfigFileCertificate,
  owner: { tenantId: string; clientId: string },
  options: ResolveOptions,
): CertificateOutcome => {
  const fail = (path: string, message: string): CertificateOutcome => ({ ok: false, issue: { path: [path], message } });

  const certificatePem = cert.certificatePem ?? readPem(cert.certificateFile, options.baseDir);
  if (typeof certificatePem !== 'string') return fail('certificateFile', certificatePem.problem);
  let facts: CertificateFacts;
  try {
    facts = readCertificatePem(certificatePem);
  } catch (error) {
    return fail(
      cert.certificatePem !== undefined ? 'certificatePem' : 'certificateFile',
      `the certificate ${(error as Error).message}`,
    );
  }
  if (facts.thumbprintHex !== cert.thumbprint.toUpperCase()) {
    return fail(
      'thumbprint',
      `thumbprint does not match the certificate, whose SHA-1 thumbprint is ${facts.thumbprintHex}`,
    );
  }

  // The portal takes a key credential's dates from the certificate; Graph lets them be narrower, never wider.
  const startsOn = cert.startsOn ?? isoSeconds(facts.notBefore);
  const expiresOn = cert.expiresOn ?? isoSeconds(facts.notAfter);
  if (Date.parse(startsOn) < facts.notBefore.getTime()) {
    return fail('startsOn', `startsOn must not be before the certificate's notBefore (${isoSeconds(facts.notBefore)})`);
  }
  if (Date.parse(expiresOn) > facts.notAfter.getTime()) {
    return fail('expiresOn', `expiresOn must not be after the certificate's notAfter (${isoSeconds(facts.notAfter)})`);
  }
  if (Date.parse(expiresOn) <= Date.parse(startsOn)) return fail('expiresOn', 'expiresOn must be after startsOn');

  const resolved: EmulatedCertificate = {
    id:
      cert.id ??
      stableGuid('key-credential', owner.tenantId.toLowerCase(), owner.clientId.toLowerCase(), facts.thumbprintHex),
    thumbprint: facts.thumbprintHex,
    certificatePem,
    startsOn,
    expiresOn,
  };
  if (cert.description !== undefined) resolved.description = cert.description;

  if (cert.privateKeyPem !== undefined || cert.privateKeyFile !== undefined) {
    const keyField = cert.privateKeyPem !== undefined ? 'privateKeyPem' : 'privateKeyFile';
    const privateKeyPem = cert.privateKeyPem ?? readPem(cert.privateKeyFile, options.baseDir);
    if (typeof privateKeyPem !== 'string') return fail(keyField, privateKeyPem.problem);
    try {
      if (!privateKeyMatches(privateKeyPem, facts.publicKey))
        return fail(keyField, "the private key is not the certificate's key");
    } catch (error) {
      return fail(keyField, `the private key ${(error as Error).message}`);
    }
    resolved.privateKeyPem = privateKeyPem;
  }
  return { ok: true, certificate: resolved };
};

/** A PEM file named relative to the config file; the problem, never the content, when it cannot be read. */
const readPem = (file: string | undefined, baseDir: string | undefined): string | { problem: string } => {
  if (file === undefined) return { problem: 'no file named' };
  if (baseDir === undefined && !isAbsolute(file)) {
    return { problem: `'${file}' is relative, but this config was not loaded from a file; give the PEM text instead` };
  }
  const path = baseDir === undefined ? file : resolve(baseDir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return { problem: `cannot read ${path}` };
  }
};
