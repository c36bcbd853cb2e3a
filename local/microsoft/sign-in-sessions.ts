import type { IncomingMessage } from 'node:http';

import { header } from './http-util';
import { randomBase64Url } from './ids';
import type { Revocations } from './revocations';

/** The emulator's browser session cookie, named after the one login.microsoftonline.com sets. */
export const SESSION_COOKIE = 'ESTSAUTH';

interface Session {
  tenantId: string;
  userId: string;
  sequence: number;
}

/** Who signed in on the emulator's sign-in page, per browser (cookie); revoking a user's sessions ends them. */
export class SignInSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly revocations: Revocations) {}

  /** Starts a session; the value for Set-Cookie. */
  start(tenantId: string, userId: string): string {
    const id = randomBase64Url(32);
    this.sessions.set(id, { tenantId, userId, sequence: this.revocations.next() });
    return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
  }

  /** The signed-in user of this browser in this tenant, unless the session was revoked. */
  current(req: IncomingMessage, tenantId: string): string | undefined {
    const cookies = (header(req, 'cookie') ?? '').split(';').map((part) => part.trim());
    const id = cookies.find((part) => part.startsWith(`${SESSION_COOKIE}=`))?.slice(SESSION_COOKIE.length + 1);
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (session === undefined || session.tenantId.toLowerCase() !== tenantId.toLowerCase()) return undefined;
    if (this.revocations.revokedAt(session.tenantId, session.userId, session.sequence) !== undefined) return undefined;
    return session.userId;
  }
}
