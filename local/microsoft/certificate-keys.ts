import type { EmulatedApp, EmulatedCertificate, EmulatedTenant, MicrosoftEmulatorConfig } from './types';
import { type CertificateFacts, readCertificatePem } from './x509';

/** A registered certificate with what a client assertion's header and signature are checked against. */
export interface RegisteredKey {
  certificate: EmulatedCertificate;
  facts: CertificateFacts;
  /** The key credential's validity (the portal's Start date and Expires). */
  startsOn: Date;
  expiresOn: Date;
}

/** The certificates of every app, read once at start (the config was validated, so each PEM is readable). */
export class CertificateKeys {
  private readonly byApp = new Map<string, RegisteredKey[]>();

  constructor(config: MicrosoftEmulatorConfig) {
    for (const tenant of config.tenants) {
      for (const app of tenant.apps) {
        const keys = (app.certificates ?? []).map((certificate): RegisteredKey => {
          const facts = readCertificatePem(certificate.certificatePem);
          return {
            certificate,
            facts,
            startsOn: certificate.startsOn === undefined ? facts.notBefore : new Date(certificate.startsOn),
            expiresOn: new Date(certificate.expiresOn),
          };
        });
        this.byApp.set(CertificateKeys.key(tenant, app), keys);
      }
    }
  }

  private static key(tenant: EmulatedTenant, app: EmulatedApp): string {
    return `${tenant.id.toLowerCase()}/${app.clientId.toLowerCase()}`;
  }

  /** The app's certificate named by an assertion header's `x5t#S256` or `x5t`. */
  find(
    tenant: EmulatedTenant,
    app: EmulatedApp,
    thumbprint: { x5tS256?: string; x5t?: string },
  ): RegisteredKey | undefined {
    const keys = this.byApp.get(CertificateKeys.key(tenant, app)) ?? [];
    if (thumbprint.x5tS256 !== undefined) return keys.find((key) => key.facts.x5tS256 === thumbprint.x5tS256);
    if (thumbprint.x5t !== undefined) return keys.find((key) => key.facts.x5t === thumbprint.x5t);
    return undefined;
  }
}
