import type { ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { send } from './http-util';
import type { EmulatedCertificate } from './types';

const FILES = { 'certificate.pem': 'certificate', 'private-key.pem': 'private-key' } as const;

const findCertificate = (ctx: EmulatorContext, id: string): EmulatedCertificate | undefined => {
  const key = id.toLowerCase();
  return ctx.config.tenants
    .flatMap((tenant) => tenant.apps.flatMap((app) => app.certificates ?? []))
    .find((certificate) => (certificate.id ?? certificate.thumbprint).toLowerCase() === key);
};

/**
 * GET /portal/certificates/{certificate id}/certificate.pem | private-key.pem: the demo PEM files, emulator only
 * (the real portal offers neither download; a key is served only when the config holds one).
 */
export const handleCertificateDownload = (
  ctx: EmulatorContext,
  res: ServerResponse,
  id: string,
  file: string,
): boolean => {
  const kind = Object.hasOwn(FILES, file) ? FILES[file as keyof typeof FILES] : undefined;
  const certificate = kind === undefined ? undefined : findCertificate(ctx, id);
  const pem = kind === 'certificate' ? certificate?.certificatePem : certificate?.privateKeyPem;
  if (pem === undefined) return false;
  const name = `${
    (certificate?.description ?? 'certificate')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'certificate'
  }.${kind === 'certificate' ? 'cert' : 'key'}.pem`;
  send(
    res,
    200,
    {
      'Content-Type': 'application/x-pem-file',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    pem,
  );
  return true;
};
