/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import type { AdminWarnings, CredentialWarning } from '../../../src/contract';
import { WarningsBanner, warningTitle } from '../../../static/admin/src/credentials/warnings-banner';
import { setDateSettings } from '../../../static/shared/date-format';
import { mount, type Mounted, paragraphsOf } from './support/dom';

let mounted: Mounted | null = null;

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  setDateSettings({});
});

const warning = (overrides: Partial<CredentialWarning>): CredentialWarning => ({
  credentialId: 'c1',
  credentialName: 'Support mailbox',
  kind: 'secret-expiring',
  severity: 'warning',
  date: '2026-12-25',
  message:
    'The client secret expires on 2026-12-25 (in 19 days): create a new secret in Certificates & secrets and add it ' +
    'here as the next secret, so mail keeps going out.',
  recordedAt: '2026-12-06T04:00:00.000Z',
  ...overrides,
});

const messagesOf = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('section[aria-label="Credential warnings"] .im-message')).map((message) =>
    paragraphsOf(message),
  );

describe('the credential warnings banner', () => {
  it('names the credential and what expires when, with the date written as the page writes dates', async () => {
    setDateSettings({ locale: 'en-US' });
    const warnings: AdminWarnings = {
      warnings: [
        warning({}),
        warning({
          credentialId: 'c2',
          credentialName: 'Sales mailbox',
          kind: 'certificate-expired',
          severity: 'error',
          date: '2026-11-30',
          message:
            'The certificate (thumbprint AB12) expired on 2026-11-30: upload a new certificate in Certificates & secrets and paste it here with its private key.',
        }),
      ],
    };
    mounted = await mount(<WarningsBanner warnings={warnings} />);
    expect(messagesOf(mounted.container)).toEqual([
      [
        'Support mailbox: client secret expires on Dec 25, 2026',
        'The client secret expires on Dec 25, 2026 (in 19 days): create a new secret in Certificates & secrets and add ' +
          'it here as the next secret, so mail keeps going out.',
      ],
      [
        'Sales mailbox: certificate expired on Nov 30, 2026',
        'The certificate (thumbprint AB12) expired on Nov 30, 2026: upload a new certificate in Certificates & secrets ' +
          'and paste it here with its private key.',
      ],
    ]);
  });

  it('writes dates in the locale the Forge context names', async () => {
    setDateSettings({ locale: 'en-GB', timeZone: 'Europe/London' });
    mounted = await mount(<WarningsBanner warnings={{ warnings: [warning({})] }} />);
    expect(messagesOf(mounted.container)[0]?.[0]).toBe('Support mailbox: client secret expires on 25 Dec 2026');
    expect(messagesOf(mounted.container)[0]?.[1]).toContain('expires on 25 Dec 2026 (in 19 days)');
  });

  it('titles the signed-in mailbox warnings', () => {
    setDateSettings({ locale: 'en-US' });
    expect(warningTitle(warning({ kind: 'authorization-lost', date: undefined }))).toBe(
      'Support mailbox: the mailbox sign-in ended: Authorize again',
    );
    expect(warningTitle(warning({ kind: 'authorization-expiring', date: '2030-04-01' }))).toBe(
      'Support mailbox: the mailbox sign-in ends on Apr 1, 2030 unless renewed',
    );
  });
});
