import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { decodeProtectedHeader } from 'jose';

import type { EmulatedApp } from '../../local/microsoft/types';
import { summarizeCertificate } from '../../src/credentials/certificate';
import { signClientAssertion } from '../../src/oauth/client-assertion';
import { requestClientCredentialsToken } from '../../src/oauth/token-client';
import { OTHER_KEY } from '../unit/support/certificates';
import { type Answer, data } from './support/answers';
import { type LocalStack, useLocalStack } from './support/local-stack';

interface Step {
  key: string;
  status: string;
  message: string;
  code?: string;
}
interface TestResult {
  ok: boolean;
  code: string;
  message: string;
  steps: Step[];
  permissions?: Array<{ permission: string; granted: boolean }>;
}
interface View {
  id: string;
  hasSecret: boolean;
  hasNextSecret?: boolean;
  secretExpiresOn?: string;
  lastRotation?: { reason: string };
  certificate?: { thumbprint: string; thumbprintSha256: string };
  hasPrivateKey?: boolean;
}
interface Warnings {
  warnings: Array<{ credentialId: string; kind: string; severity: string; message: string }>;
  checkedAt?: string;
}

const CERTS = join(__dirname, '..', '..', 'local', 'microsoft', 'certs');
const DEMO_CERTIFICATE = readFileSync(join(CERTS, 'issue-mailer-demo.cert.pem'), 'utf8');
const DEMO_KEY = readFileSync(join(CERTS, 'issue-mailer-demo.key.pem'), 'utf8');
const SUPPORT = 'support@contoso.onmicrosoft.com';

let stack: LocalStack;
useLocalStack((started) => {
  stack = started;
});

const app = (displayName: string): EmulatedApp => {
  const found = stack.tenant.apps.find((candidate) => candidate.displayName === displayName);
  if (found === undefined) throw new Error(`no emulated app ${displayName}`);
  return found;
};

const secretOf = (emulated: EmulatedApp, description: string): string => {
  const found = emulated.secrets.find((secret) => secret.description === description);
  if (found === undefined) throw new Error(`no secret ${description}`);
  return found.value;
};

const save = async (overrides: Record<string, unknown>): Promise<View> =>
  data<View>(await stack.admin('saveCredential', stack.credential(overrides)));
const test = async (id: string, sendTestEmail = false): Promise<TestResult> =>
  data<TestResult>(await stack.admin('testConnection', sendTestEmail ? { id, sendTestEmail } : { id }));
const statuses = (result: TestResult) => result.steps.map((step) => [step.key, step.status, step.code ?? null]);

describe('Test connection against the Microsoft emulator', () => {
  it('passes every step and mails the calling admin', async () => {
    const saved = await save({ name: 'Diagnosis: works' });
    const result = await test(saved.id, true);

    expect(result).toMatchObject({ ok: true, code: 'OK', message: `Connected: mail can go out from ${SUPPORT}.` });
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'passed', null],
      ['mailbox', 'passed', null],
      ['test-email', 'passed', null],
    ]);
    expect(result.steps[2]?.message).toBe(
      `${SUPPORT} (Contoso Support) is an Exchange Online mailbox this app may use.`,
    );
    const last = stack.microsoft.sentMessages(SUPPORT).at(-1);
    expect(last?.message.subject).toBe('Issue Mailer test email');
    expect(last?.message.toRecipients).toEqual([{ emailAddress: { address: 'alex.admin@example.com' } }]);
  });

  it('explains a wrong secret value (AADSTS7000215) and goes no further', async () => {
    const saved = await save({
      name: 'Diagnosis: wrong secret',
      clientSecret: secretOf(app('Issue Mailer (awaiting admin consent)'), 'Issue Mailer for Jira'),
    });
    const result = await test(saved.id);
    expect(statuses(result)).toEqual([
      ['token', 'failed', 'TOKEN_INVALID_CLIENT_SECRET'],
      ['permissions', 'skipped', null],
      ['mailbox', 'skipped', null],
    ]);
    expect(result.message).toContain("Paste the secret's Value, not its Secret ID");
    expect(stack.microsoft.requestCounts()).toEqual({ token: 1, graph: 0 });
  });

  it("reports Microsoft's word on an expired secret (AADSTS7000222), not the date typed on the form", async () => {
    const agreeing = await save({
      name: 'Diagnosis: expired',
      clientSecret: secretOf(stack.demoApp, 'Old secret (expired)'),
      secretExpiresOn: '2024-01-31',
    });
    const result = await test(agreeing.id);
    expect(result).toMatchObject({ ok: false, code: 'TOKEN_CLIENT_SECRET_EXPIRED' });
    expect(result.message).toMatch(
      /^Microsoft says this secret has expired \(AADSTS7000222\)\. In .* update the expiry date\.$/,
    );
    expect(result.message).not.toContain('2024-01-31');

    // The admin typed a date years ahead: Microsoft's answer wins and the form's date is called wrong.
    const typedWrong = await save({
      name: 'Diagnosis: expired, wrong date',
      clientSecret: secretOf(stack.demoApp, 'Old secret (expired)'),
      secretExpiresOn: '2099-12-25',
    });
    const contradicted = await test(typedWrong.id);
    expect(contradicted.message).toMatch(
      /^Microsoft says this secret has expired \(AADSTS7000222\)\. .* The expiry date typed on the form for this credential is wrong: it says the secret is still valid\./,
    );
    expect(contradicted.message).not.toContain('2099');
  });

  it('lists every permission as missing, with the admin consent button, when consent was not granted', async () => {
    const awaiting = app('Issue Mailer (awaiting admin consent)');
    const saved = await save({
      name: 'Diagnosis: no consent',
      clientId: awaiting.clientId,
      clientSecret: secretOf(awaiting, 'Issue Mailer for Jira'),
    });
    const result = await test(saved.id);
    expect(result).toMatchObject({
      ok: false,
      code: 'PERMISSIONS_NO_ADMIN_CONSENT',
      permissions: [
        { permission: 'User.Read.All', granted: false },
        { permission: 'Mail.ReadWrite', granted: false },
        { permission: 'Mail.Send', granted: false },
      ],
    });
    expect(result.message).toContain('"Grant admin consent for <your organization>"');
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'failed', 'PERMISSIONS_NO_ADMIN_CONSENT'],
      ['mailbox', 'skipped', null],
    ]);
    expect(stack.microsoft.requestCounts()).toEqual({ token: 1, graph: 0 });
  });

  it.each([
    [
      'blocked by the application access policy',
      'sales@contoso.onmicrosoft.com',
      'GRAPH_APP_ACCESS_POLICY_DENIED',
      'An Exchange Online application access policy or RBAC for Applications keeps this app away from sales@contoso.onmicrosoft.com',
    ],
    [
      'not enabled for REST',
      'noreply@contoso.onmicrosoft.com',
      'GRAPH_MAILBOX_NOT_ENABLED',
      'noreply@contoso.onmicrosoft.com exists, but Microsoft Graph cannot use its mailbox',
    ],
    ['unknown', 'nobody@contoso.onmicrosoft.com', 'GRAPH_MAILBOX_NOT_FOUND', 'nobody@contoso.onmicrosoft.com'],
  ])('tells a sender mailbox %s apart', async (_label, senderMailbox, code, phrase) => {
    const saved = await save({ name: `Diagnosis: ${senderMailbox}`, senderMailbox });
    const result = await test(saved.id, true);
    expect(result).toMatchObject({ ok: false, code });
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'passed', null],
      ['mailbox', 'failed', code],
      ['test-email', 'skipped', null],
    ]);
    expect(result.message).toContain(phrase);
    expect(stack.microsoft.sentMessages(senderMailbox)).toEqual([]);
  });
});

describe('rotation against the Microsoft emulator', () => {
  it('keeps mail going when the current secret has expired: the next secret is used and promoted', async () => {
    const expired = secretOf(stack.demoApp, 'Old secret (expired)');
    const valid = secretOf(stack.demoApp, 'Issue Mailer for Jira');
    const saved = await save({
      name: 'Rotation',
      clientSecret: expired,
      secretExpiresOn: '2024-01-31',
      nextClientSecret: valid,
      nextSecretExpiresOn: '2099-12-31',
    });
    data(await stack.admin('setDefaultCredential', { id: saved.id }));
    const before = stack.microsoft.sentMessages(SUPPORT).length;

    const sent = await stack.issueAction('sendIssueEmail', {
      to: ['reader@example.com'],
      subject: '[DEMO-1] rotation',
      message: '',
    });
    expect((sent as Answer<unknown>).ok).toBe(true);
    await stack.outboxIdle();
    expect(stack.microsoft.sentMessages(SUPPORT)).toHaveLength(before + 1);
    expect(stack.microsoft.sentMessages(SUPPORT).at(-1)?.message.subject).toBe('[DEMO-1] rotation');
    expect(stack.microsoft.requestCounts()).toEqual({ token: 2, graph: 1 });

    const view = data<View[]>(await stack.admin('listCredentials', {})).find(
      (credential) => credential.id === saved.id,
    );
    expect(view).toMatchObject({
      hasSecret: true,
      hasNextSecret: false,
      secretExpiresOn: '2099-12-31',
      lastRotation: { reason: 'expired' },
    });
    const warnings = data<Warnings>(await stack.admin('listWarnings', {}));
    expect(warnings.warnings.filter((w) => w.credentialId === saved.id).map((w) => [w.kind, w.severity])).toEqual([
      ['secret-promoted', 'info'],
    ]);

    // The promoted secret is the current one now: a fresh token needs one request.
    stack.microsoft.resetCounts();
    const tested = await test(saved.id);
    expect(tested.ok).toBe(true);
    expect(stack.microsoft.requestCounts().token).toBe(1);
    expect(JSON.stringify([view, warnings, tested])).not.toContain(valid);
  });

  it('records a refused token while sending once, and the daily check records the expired secret', async () => {
    const expired = secretOf(stack.demoApp, 'Old secret (expired)');
    const saved = await save({ name: 'Refused', clientSecret: expired, secretExpiresOn: '2024-01-31' });
    data(await stack.admin('setDefaultCredential', { id: saved.id }));

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const queued = data<{ emailId: string }>(
        await stack.issueAction('sendIssueEmail', { to: ['reader@example.com'], subject: 'x', message: '' }),
      );
      await stack.outboxIdle();
      const entry = data<{ status: string; lastError?: { code: string } }>(
        await stack.admin('getEmailLogEntry', { emailId: queued.emailId }),
      );
      expect(entry).toMatchObject({ status: 'failed', lastError: { code: 'TOKEN_CLIENT_SECRET_EXPIRED' } });
    }
    await expect(stack.expiryCheck()).resolves.toEqual({ statusCode: 200 });
    const warnings = data<Warnings>(await stack.admin('listWarnings', {}));
    expect(warnings.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(warnings.warnings.filter((w) => w.credentialId === saved.id).map((w) => [w.kind, w.severity])).toEqual([
      ['secret-expired', 'error'],
      ['token-refused', 'error'],
    ]);
    const refused = warnings.warnings.find((w) => w.credentialId === saved.id && w.kind === 'token-refused');
    expect(refused?.message).toContain(
      'Microsoft says this secret has expired (AADSTS7000222). In Microsoft Entra admin center',
    );
  });
});

describe('certificate credentials against the Microsoft emulator', () => {
  it('saves the demo certificate and key, tests and sends with signed client assertions', async () => {
    const saved = data<View>(
      await stack.admin('saveCredential', {
        ...stack.credential({ name: 'Certificate' }),
        clientSecret: undefined,
        clientAuthMethod: 'certificate',
        certificatePem: DEMO_CERTIFICATE,
        privateKeyPem: DEMO_KEY,
      }),
    );
    expect(saved).toMatchObject({
      hasSecret: false,
      hasPrivateKey: true,
      certificate: {
        thumbprint: 'CD3174B576E2177995CEF19AADD2C87D47947CCE',
        thumbprintSha256: 'VyxuH8UETdapITYYPCOdXmjIeleIc2vJDZrjEqXQAlA',
      },
    });

    const result = await test(saved.id);
    expect(result).toMatchObject({ ok: true, code: 'OK' });
    expect(result.steps[0]?.message).toBe(
      `Got a token for ${stack.demoApp.clientId}, signed with the certificate (thumbprint CD3174B576E2177995CEF19AADD2C87D47947CCE).`,
    );

    data(await stack.admin('setDefaultCredential', { id: saved.id }));
    const sent = (await stack.issueAction('sendIssueEmail', {
      to: ['reader@example.com'],
      subject: '[DEMO-1] certificate',
      message: '',
    })) as Answer<unknown>;
    expect(sent.ok).toBe(true);
    await stack.outboxIdle();
    expect(stack.microsoft.sentMessages(SUPPORT).at(-1)?.message.subject).toBe('[DEMO-1] certificate');
    expect(JSON.stringify([saved, result])).not.toContain(DEMO_KEY.split('\n')[1]);
  });

  it('refuses at save a private key that does not belong to the certificate', async () => {
    const answer = (await stack.admin('saveCredential', {
      ...stack.credential({ name: 'Certificate, wrong key' }),
      clientSecret: undefined,
      clientAuthMethod: 'certificate',
      certificatePem: DEMO_CERTIFICATE,
      privateKeyPem: OTHER_KEY,
    })) as Answer<unknown>;
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: {
          privateKeyPem:
            'This private key does not belong to the certificate. Paste the private key the certificate was created with.',
        },
      },
    });
  });

  it("accepts the app's signed assertion and rejects one signed with another key", async () => {
    const tokenEndpoint = `${stack.microsoft.loginBaseUrl}/${stack.tenant.id}/oauth2/v2.0/token`;
    const { thumbprintSha256 } = summarizeCertificate(new X509Certificate(DEMO_CERTIFICATE));
    const assertion = (privateKeyPem: string) =>
      signClientAssertion(
        { clientId: stack.demoApp.clientId, tokenEndpoint, privateKeyPem, thumbprintSha256 },
        { now: Date.now },
      );
    const request = async (privateKeyPem: string) =>
      requestClientCredentialsToken(
        {
          tokenEndpoint,
          clientId: stack.demoApp.clientId,
          scope: 'https://graph.microsoft.com/.default',
          clientAssertion: await assertion(privateKeyPem),
        },
        { fetch: (url, init) => fetch(url, init), now: Date.now, env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' } },
      );

    expect(decodeProtectedHeader(await assertion(DEMO_KEY))).toEqual({
      alg: 'PS256',
      typ: 'JWT',
      'x5t#S256': thumbprintSha256,
    });
    await expect(request(DEMO_KEY)).resolves.toMatchObject({ accessToken: expect.stringMatching(/^ey/) as unknown });
    await expect(request(OTHER_KEY)).rejects.toMatchObject({
      code: 'TOKEN_INVALID_CLIENT_ASSERTION',
      aadstsCode: 700027,
      status: 401,
    });
  });
});
