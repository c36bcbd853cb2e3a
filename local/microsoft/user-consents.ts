/** Delegated permissions each user consented to for an app, remembered while the emulator runs. */
export class UserConsents {
  private readonly granted = new Map<string, Set<string>>();

  private static key(tenantId: string, clientId: string, userId: string): string {
    return [tenantId, clientId, userId].map((part) => part.toLowerCase()).join('/');
  }

  scopes(tenantId: string, clientId: string, userId: string): ReadonlySet<string> {
    return this.granted.get(UserConsents.key(tenantId, clientId, userId)) ?? new Set();
  }

  grant(tenantId: string, clientId: string, userId: string, scopes: readonly string[]): void {
    const key = UserConsents.key(tenantId, clientId, userId);
    this.granted.set(key, new Set([...(this.granted.get(key) ?? []), ...scopes]));
  }
}
