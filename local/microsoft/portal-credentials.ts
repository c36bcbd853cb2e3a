import type { EmulatorContext } from './context';
import { html, portalDate, type SafeHtml } from './html';
import type { EmulatedApp, EmulatedCertificate } from './types';

/** The admin page warns this long before a secret or certificate expires; the portal badge does the same. */
const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/** Where the emulator serves a certificate's PEM files (emulator only: the real portal never offers a key). */
export const certificateDownloadUrl = (
  ctx: EmulatorContext,
  certificate: EmulatedCertificate,
  file: 'certificate' | 'private-key',
): string =>
  `${ctx.urls.login}/portal/certificates/${encodeURIComponent(certificate.id ?? certificate.thumbprint)}/${file}.pem`;

/** "Expired" or "Expires in N days" beside a date, from 30 days before it. */
const expiryBadge = (ctx: EmulatorContext, expiresOn: string): SafeHtml | '' => {
  const left = Date.parse(expiresOn) - ctx.now().getTime();
  if (left <= 0) return html` <span class="badge bad">Expired</span>`;
  if (left <= EXPIRING_SOON_DAYS * DAY_MS) {
    const days = Math.ceil(left / DAY_MS);
    return html` <span class="badge warn" data-testid="expires-soon">Expires in ${days} ${days === 1 ? 'day' : 'days'}</span>`;
  }
  return '';
};

const certificatesTable = (ctx: EmulatorContext, app: EmulatedApp): SafeHtml => {
  const certificates = app.certificates ?? [];
  const rows = certificates.map(
    (certificate) => html`<tr data-certificate-id="${certificate.id ?? ''}">
<td><span class="value" data-testid="certificate-thumbprint">${certificate.thumbprint}</span></td>
<td>${certificate.description ?? ''}</td>
<td>${certificate.startsOn === undefined ? '' : html`<time datetime="${certificate.startsOn}" data-testid="certificate-starts">${portalDate(certificate.startsOn)}</time>`}</td>
<td><time datetime="${certificate.expiresOn}" data-testid="certificate-expires">${portalDate(certificate.expiresOn)}</time>${expiryBadge(ctx, certificate.expiresOn)}</td>
<td><span class="value" data-testid="certificate-id">${certificate.id ?? ''}</span></td>
</tr>`,
  );
  const downloads = certificates
    .filter((certificate) => certificate.privateKeyPem !== undefined)
    .map(
      (
        certificate,
      ) => html`<p class="note" data-testid="certificate-downloads"><span class="badge warn">Emulator only</span>
Demo material for ${certificate.description ?? certificate.thumbprint}:
<a href="${certificateDownloadUrl(ctx, certificate, 'certificate')}" download>certificate (PEM)</a> ·
<a href="${certificateDownloadUrl(ctx, certificate, 'private-key')}" download>private key (PEM)</a>.
The real portal never holds a certificate's private key.</p>`,
    );
  return html`<p class="muted">Certificates (${certificates.length}). Certificates can be used as secrets to prove the application's identity when requesting a token.</p>
<table>
<thead><tr><th>Thumbprint</th><th>Description</th><th>Start date</th><th>Expires</th><th>Certificate ID</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="5" class="muted">No certificates have been added for this application.</td></tr>`}</tbody>
</table>
${downloads}`;
};

const secretsTable = (ctx: EmulatorContext, app: EmulatedApp): SafeHtml => {
  const rows = app.secrets.map(
    (secret) => html`<tr data-secret-id="${secret.id}">
<td>${secret.description}</td>
<td><time datetime="${secret.expiresOn}" data-testid="secret-expires">${portalDate(secret.expiresOn)}</time>${expiryBadge(ctx, secret.expiresOn)}</td>
<td><span class="value" data-testid="secret-value">${secret.value}</span></td>
<td><span class="value" data-testid="secret-id">${secret.id}</span></td>
</tr>`,
  );
  return html`<p class="muted">Client secrets (${app.secrets.length}). The emulator shows each Value in full so you can copy it; the real portal shows it only once.</p>
<table>
<thead><tr><th>Description</th><th>Expires</th><th>Value</th><th>Secret ID</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="4" class="muted">No client secrets have been created for this application.</td></tr>`}</tbody>
</table>`;
};

/** The Certificates & secrets blade of an app registration: certificates first, then client secrets, as the portal. */
export const credentialsSection = (
  ctx: EmulatorContext,
  app: EmulatedApp,
): SafeHtml => html`<h4>Certificates &amp; secrets</h4>
${certificatesTable(ctx, app)}
${secretsTable(ctx, app)}`;
