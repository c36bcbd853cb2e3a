import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { runExpiryCheck } from '../../../src/triggers/credential-expiry-check';
import { createWarningService } from '../../../src/warnings/warning-service';
import { createWarningStore } from '../../../src/warnings/warning-store';
import { parsedInput, sequentialIds } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2026-04-15T03:00:00Z');

describe('credential-expiry-check', () => {
  it("records every credential's expiry warnings and logs a summary without names", async () => {
    const kv = new MemoryKvStore();
    const store = createCredentialStore(kv);
    const credentials = createCredentialService({ store, now: () => NOW, newId: sequentialIds(), env: {} });
    await credentials.save(parsedInput({ name: 'Expiring', secretExpiresOn: '2026-05-01' }));
    await credentials.save(
      parsedInput({
        name: 'Expired',
        secretExpiresOn: '2026-04-01',
        nextClientSecret: 'N',
        nextSecretExpiresOn: '2026-04-20',
      }),
    );
    await credentials.save(parsedInput({ name: 'Fine', secretExpiresOn: '2027-04-01' }));
    const warnings = createWarningService({
      store: createWarningStore(kv),
      listCredentials: () => store.list(),
      now: () => NOW,
    });
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      await expect(runExpiryCheck(warnings)).resolves.toEqual({ credentials: 3, warnings: 3 });
      expect(info.mock.calls).toEqual([['[issue-mailer] expiry check: 3 credentials, 3 warnings']]);
    } finally {
      info.mockRestore();
    }
    const stored = kv.plain.get('admin-warnings') as {
      warnings: Array<{ credentialName: string; kind: string }>;
      checkedAt: string;
    };
    expect(stored.checkedAt).toBe('2026-04-15T03:00:00.000Z');
    expect(stored.warnings.map((w) => [w.credentialName, w.kind])).toEqual([
      ['Expired', 'next-secret-expiring'],
      ['Expired', 'secret-expired'],
      ['Expiring', 'secret-expiring'],
    ]);
  });

  it('logs a failure by name and code only, and fails the invocation', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failing = {
        runDailyCheck: async () =>
          Promise.reject(Object.assign(new Error('secret detail'), { code: 'STORAGE_FAILED' })),
      };
      await expect(runExpiryCheck(failing)).rejects.toThrow('secret detail');
      expect(error.mock.calls).toEqual([['[issue-mailer] expiry check failed: Error STORAGE_FAILED']]);
    } finally {
      error.mockRestore();
    }
  });

  it('watches the signed-in mailboxes first, logs their summary without names, and returns it', async () => {
    const order: string[] = [];
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const summary = await runExpiryCheck(
        {
          runDailyCheck: async () => {
            order.push('daily check');
            return { credentials: 2, warnings: 1 };
          },
        },
        async () => {
          order.push('sign-in watch');
          return { watched: 1, refreshed: 1, failed: 0 };
        },
      );
      expect(summary).toEqual({ credentials: 2, warnings: 1, signIns: { watched: 1, refreshed: 1, failed: 0 } });
      expect(order).toEqual(['sign-in watch', 'daily check']);
      expect(info.mock.calls).toEqual([
        ['[issue-mailer] sign-in watch: 1 watched, 1 renewed, 0 failed'],
        ['[issue-mailer] expiry check: 2 credentials, 1 warnings'],
      ]);
    } finally {
      info.mockRestore();
    }
  });
});
