import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  DEMO_CREDENTIAL_NAME,
  DEMO_GOOGLE_CREDENTIAL_NAME,
  type LocalHost,
  startLocalHost,
} from '../../../../local/host';
import type { ConnectionTestResult, CredentialView, ResolverResult } from '../../../../src/contract';

jest.setTimeout(60_000);

let dataDir: string;
let host: LocalHost;
const logLines: string[] = [];

const invokeAdmin = async <T>(
  functionKey: string,
  payload: unknown,
): Promise<{ text: string; result: ResolverResult<T> }> => {
  const response = await fetch(`${host.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url },
    body: JSON.stringify({ moduleKey: 'issue-mailer-admin', functionKey, payload }),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, result: JSON.parse(text) as ResolverResult<T> };
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-google-'));
  host = await startLocalHost({
    port: 0,
    dataDir,
    google: { seedCredential: true },
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local host with the demo Google credential (npm start)', () => {
  it('seeds it from the demo key beside the Microsoft one, which stays the default, never printing the key', async () => {
    expect([host.seed, host.googleSeed]).toEqual(['seeded', 'seeded']);
    expect(logLines).toContain(
      `Seeded the demo Google credential "${DEMO_GOOGLE_CREDENTIAL_NAME}" (client ID 104729384756102938475, sender support@example-google.test).`,
    );
    expect(logLines.join('\n')).not.toContain('PRIVATE KEY');
    const { text, result } = await invokeAdmin<CredentialView[]>('listCredentials', {});
    expect(text).not.toContain('PRIVATE KEY');
    expect(
      result.ok &&
        result.data.map((credential) => [credential.name, credential.provider, credential.isDefault, credential.scope]),
    ).toEqual([
      [DEMO_CREDENTIAL_NAME, 'microsoft365', true, 'https://graph.microsoft.com/.default'],
      [
        DEMO_GOOGLE_CREDENTIAL_NAME,
        'google-workspace',
        false,
        'https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.modify',
      ],
    ]);
  });

  it("tests the seeded Google credential against the host's Google emulator, sending the admin a test email", async () => {
    const listed = await invokeAdmin<CredentialView[]>('listCredentials', {});
    const id = listed.result.ok ? listed.result.data.find((c) => c.provider === 'google-workspace')?.id : undefined;
    const before = host.google.sentMessages('support@example-google.test').length;
    const { result } = await invokeAdmin<ConnectionTestResult>('testConnection', { id, sendTestEmail: true });
    expect(result.ok && [result.data.ok, result.data.steps?.map((step) => [step.key, step.status])]).toEqual([
      true,
      [
        ['token', 'passed'],
        ['permissions', 'passed'],
        ['mailbox', 'passed'],
        ['test-email', 'passed'],
      ],
    ]);
    expect(host.google.sentMessages('support@example-google.test')).toHaveLength(before + 1);
  });
});
