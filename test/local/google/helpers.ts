import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type GoogleEmulator, loadWorkspaceConfig, startGoogleEmulator } from '../../../local/google';
import type { AccessToken } from '../../../src/oauth/token-client';
import { GoogleTokenError } from '../../../src/providers/google/errors';
import { type GoogleTokenRequest, requestGoogleAccessToken } from '../../../src/providers/google/google-token-client';
import { GMAIL_SEND_SCOPE } from '../../../src/providers/google/scopes';
import { parseServiceAccountKey } from '../../../src/providers/google/service-account-key';

export const WORKSPACE_JSON = join(__dirname, '../../../local/google/workspace.json');
export const DEMO_KEY_FILE = join(__dirname, '../../../local/google/keys/issue-mailer-demo.key.json');
export const DEMO_KEY = parseServiceAccountKey(readFileSync(DEMO_KEY_FILE, 'utf8'));
export const DEMO_CLIENT_ID = '104729384756102938475';
export const SUPPORT = 'support@example-google.test';
export const START = new Date('2026-12-07T01:00:00.000Z');

/** A clock the tests move by hand, shared by the emulator and the app's client. */
export class TestClock {
  ms = START.getTime();
  now = (): Date => new Date(this.ms);
  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface GoogleWorld {
  emulator: GoogleEmulator;
  clock: TestClock;
  /** The app's token client against the emulator, as the demo credential would call it. */
  token: (overrides?: Partial<GoogleTokenRequest>, clientClockOffsetMs?: number) => Promise<AccessToken>;
  /** The same, expecting a GoogleTokenError. */
  tokenError: (overrides?: Partial<GoogleTokenRequest>, clientClockOffsetMs?: number) => Promise<GoogleTokenError>;
  /** A raw POST of a form to the emulator's /token. */
  post: (form: Record<string, string>) => Promise<{ status: number; body: unknown; contentType: string | null }>;
}

export const startGoogleWorld = async (): Promise<GoogleWorld> => {
  const clock = new TestClock();
  const emulator = await startGoogleEmulator({ config: loadWorkspaceConfig(WORKSPACE_JSON), now: clock.now });
  const token = (overrides: Partial<GoogleTokenRequest> = {}, offset = 0) =>
    requestGoogleAccessToken(
      {
        ...DEMO_KEY.publicPart,
        privateKeyPem: DEMO_KEY.privateKeyPem,
        subject: SUPPORT,
        scopes: [GMAIL_SEND_SCOPE],
        tokenEndpoint: emulator.tokenUrl,
        ...overrides,
      },
      {
        fetch: (url, init) => globalThis.fetch(url, init),
        now: () => clock.ms + offset,
        env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
      },
    );
  return {
    emulator,
    clock,
    token,
    tokenError: async (overrides, offset) => {
      const error = await token(overrides, offset).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof GoogleTokenError)) throw new Error(`expected a GoogleTokenError, got ${String(error)}`);
      return error;
    },
    post: async (form) => {
      const response = await fetch(emulator.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      return {
        status: response.status,
        body: JSON.parse(await response.text()) as unknown,
        contentType: response.headers.get('content-type'),
      };
    },
  };
};
