import { createRuleSendCap, ruleKeyOf } from '../../../src/automation/rule-send-cap';
import { StorageError } from '../../../src/storage/errors';
import { ttlKvs } from '../support/ttl-kvs';

const RULE = {
  addresses: ['Ada@example.com', 'bob@example.com'],
  roles: ['watchers', 'reporter'] as Array<'reporter' | 'assignee' | 'watchers'>,
  template: 'Short',
  mailbox: undefined,
};

describe('ruleKeyOf', () => {
  it('is the same rule whatever the order or case of its recipients, and another rule for other recipients, template or mailbox', () => {
    const key = ruleKeyOf(RULE);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(
      ruleKeyOf({
        ...RULE,
        addresses: ['BOB@example.com', 'ada@example.com'],
        roles: ['reporter', 'watchers'],
        template: 'SHORT',
      }),
    ).toBe(key);
    expect(ruleKeyOf({ ...RULE, addresses: ['ada@example.com'] })).not.toBe(key);
    expect(ruleKeyOf({ ...RULE, template: undefined })).not.toBe(key);
    expect(ruleKeyOf({ ...RULE, mailbox: 'Alerts' })).not.toBe(key);
  });
});

describe('createRuleSendCap', () => {
  it('hands out 2 slots an hour per issue and rule, each free again an hour after it was taken', async () => {
    let now = Date.parse('2024-05-06T06:00:00Z');
    const kvs = ttlKvs(() => now);
    const cap = createRuleSendCap(kvs, 2);
    await expect(cap.claim('10001', 'a'.repeat(64))).resolves.toBe(0);
    now += 30 * 60 * 1000;
    await expect(cap.claim('10001', 'a'.repeat(64))).resolves.toBe(1);
    await expect(cap.claim('10001', 'a'.repeat(64))).resolves.toBeUndefined();
    await expect(cap.claim('10002', 'a'.repeat(64))).resolves.toBe(0);
    now += 30 * 60 * 1000;
    await expect(cap.claim('10001', 'a'.repeat(64))).resolves.toBe(0);
    expect(kvs.liveKeys().every((key) => /^automation-send:[0-9a-f]{64}\.[01]$/.test(key))).toBe(true);
  });

  it('reports a storage failure other than "already taken" as a StorageError', async () => {
    const failing = {
      set: async () => {
        throw Object.assign(new Error('Slow down.'), { responseDetails: { status: 429 } });
      },
      delete: async () => undefined,
    };
    await expect(createRuleSendCap(failing).claim('10001', 'a'.repeat(64))).rejects.toBeInstanceOf(StorageError);
  });
});
