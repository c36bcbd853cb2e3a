/**
 * "Revoke sessions" per user (Graph's revokeSignInSessions): every refresh token and browser session issued to
 * the user before it stops working. Issues are numbered so a revocation and a sign-in at the same clock instant
 * still have an order.
 */
export class Revocations {
  private sequence = 0;
  private readonly revokedUpTo = new Map<string, { sequence: number; at: Date }>();

  private static key(tenantId: string, userId: string): string {
    return `${tenantId.toLowerCase()}/${userId.toLowerCase()}`;
  }

  /** The number a new token or session carries. */
  next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  revoke(tenantId: string, userId: string, at: Date): void {
    this.revokedUpTo.set(Revocations.key(tenantId, userId), { sequence: this.sequence, at });
  }

  /** When the user's sessions were last revoked, if what carries `sequence` was issued before that. */
  revokedAt(tenantId: string, userId: string, sequence: number): Date | undefined {
    const revoked = this.revokedUpTo.get(Revocations.key(tenantId, userId));
    return revoked !== undefined && sequence <= revoked.sequence ? revoked.at : undefined;
  }
}
