import { join } from 'node:path';

import type {
  EmulatedApp,
  EmulatedTenant,
  MicrosoftEmulator,
  MicrosoftEmulatorConfig,
  MicrosoftEmulatorOptions,
} from '../../../local/microsoft';
import { loadTenantConfig, startMicrosoftEmulator } from '../../../local/microsoft';

export type { AadstsErrorBody } from '../../../local/microsoft/token-errors';

export const TENANT_JSON = join(__dirname, '../../../local/microsoft/tenant.json');
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** The tests' "now": after the demo's expired secret, long before its valid one expires. */
export const START = new Date('2030-06-01T12:00:00.000Z');

/** A clock the tests move by hand. */
export class TestClock {
  current = new Date(START.getTime());
  now = (): Date => new Date(this.current.getTime());
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** The committed demo certificate of "Issue Mailer (demo)" (local/microsoft/certs). */
export const DEMO_CERTIFICATE = {
  /** SHA-1, upper-case hex: the portal's Thumbprint. */
  thumbprint: 'CD3174B576E2177995CEF19AADD2C87D47947CCE',
  x5t: 'zTF0tXbiF3mVzvGardLIfUeUfM4',
  x5tS256: 'VyxuH8UETdapITYYPCOdXmjIeleIc2vJDZrjEqXQAlA',
  certificateFile: join(__dirname, '../../../local/microsoft/certs/issue-mailer-demo.cert.pem'),
  privateKeyFile: join(__dirname, '../../../local/microsoft/certs/issue-mailer-demo.key.pem'),
};

/** The demo tenant with `expiresInDays` counted from START, so "expiring soon" means soon for the test clock. */
export const demoConfig = (): MicrosoftEmulatorConfig => loadTenantConfig(TENANT_JSON, { now: START });

export interface Demo {
  emulator: MicrosoftEmulator;
  clock: TestClock;
  tenant: EmulatedTenant;
  /** "Issue Mailer (demo)": consented, Mail.Send + Mail.ReadWrite + User.Read.All. */
  app: EmulatedApp;
  /** Without admin consent. */
  unconsentedApp: EmulatedApp;
  tokenUrl: string;
}

export const startDemo = async (
  config: MicrosoftEmulatorConfig = demoConfig(),
  options: Omit<MicrosoftEmulatorOptions, 'config' | 'now'> = {},
): Promise<Demo> => {
  const clock = new TestClock();
  const emulator = await startMicrosoftEmulator({ ...options, config, now: clock.now });
  const tenant = config.tenants[0] as EmulatedTenant;
  return {
    emulator,
    clock,
    tenant,
    app: tenant.apps[0] as EmulatedApp,
    unconsentedApp: tenant.apps[1] as EmulatedApp,
    tokenUrl: `${emulator.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
  };
};

export const validSecret = (app: EmulatedApp): string => {
  const secret = app.secrets.find((candidate) => Date.parse(candidate.expiresOn) > START.getTime());
  if (secret === undefined) throw new Error(`${app.displayName} has no valid secret`);
  return secret.value;
};

export const postForm = (
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });

export const clientCredentials = (
  app: EmulatedApp,
  overrides: Record<string, string> = {},
): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: app.clientId,
  client_secret: validSecret(app),
  scope: GRAPH_SCOPE,
  ...overrides,
});

/** The demo tenant's app named `displayName`. */
export const appNamed = (demo: Demo, displayName: string): EmulatedApp => {
  const app = demo.tenant.apps.find((candidate) => candidate.displayName === displayName);
  if (app === undefined) throw new Error(`the demo tenant has no app '${displayName}'`);
  return app;
};

export const getToken = async (demo: Demo, app: EmulatedApp = demo.app): Promise<string> => {
  const response = await postForm(demo.tokenUrl, clientCredentials(app));
  if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
};

/** The demo tenant one describe block shares, with a Graph token its consented app got at START. */
export interface DemoSession extends Demo {
  token: string;
}

/**
 * Starts the demo tenant and gets a token before the enclosing describe's tests, and closes it after them.
 * beforeAll fills the returned object in, so read it only inside tests and hooks.
 */
export const useDemo = (options: Omit<MicrosoftEmulatorOptions, 'config' | 'now'> = {}): DemoSession => {
  const session = {} as DemoSession;
  beforeAll(async () => {
    Object.assign(session, await startDemo(demoConfig(), options));
    session.token = await getToken(session);
  });
  afterAll(() => session.emulator.close());
  return session;
};

export const sendMailUrl = (demo: Demo, user = 'support@contoso.onmicrosoft.com'): string =>
  `${demo.emulator.graphBaseUrl}/v1.0/users/${encodeURIComponent(user)}/sendMail`;

export const postJson = (
  url: string,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const simpleMessage = (subject = 'DEMO-1: Printer on fire') => ({
  message: {
    subject,
    body: { contentType: 'Text', content: 'See DEMO-1.' },
    toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex Wilber' } }],
  },
});

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** GET on Graph v1.0 with the session's token (or another). */
export const graphGet = (demo: DemoSession, path: string, token: string = demo.token): Promise<Response> =>
  fetch(`${demo.emulator.graphBaseUrl}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}` } });

/** A promise the test settles by hand, to hold a request inside a send hook. */
export class Gate {
  readonly opened: Promise<void>;
  open!: () => void;
  constructor() {
    this.opened = new Promise((resolve) => {
      this.open = resolve;
    });
  }
}

/** Waits (on the event loop, not on a clock) until `condition` holds, running `step` (a probe) before each look. */
export const until = async (condition: () => boolean, what: string, step?: () => Promise<void>): Promise<void> => {
  for (let turns = 0; ; turns += 1) {
    if (step !== undefined) await step();
    if (condition()) return;
    if (turns > 2000) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};
