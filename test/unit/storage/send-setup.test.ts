import type { KvEntry } from '../../../src/storage/kv-store';
import { MAX_SEND_SETUP_BYTES, readOnlyKvStore, withSendSetup } from '../../../src/storage/send-setup';
import { MemoryKvStore } from '../support/memory-kv-store';

const credentialA = { id: 'a', name: 'A', isDefault: true };
const credentialB = { id: 'b', name: 'B', isDefault: false };
const settings = { whoMaySend: { mode: 'everyone' } };

/** The copy's entries as stored. */
const copyIn = (kv: MemoryKvStore): unknown => kv.plain.get('send-setup');

const setup = () => {
  const kv = new MemoryKvStore();
  return { kv, app: withSendSetup(kv) };
};

describe('withSendSetup: the send-setup copy of the credential records and the mail settings', () => {
  it('writes a credential record and the copy in one transaction, reading the sources before and once after', async () => {
    const { kv, app } = setup();
    await app.set('mail-settings', settings);
    kv.resetOperations();

    await app.set('credential:a', credentialA);

    expect(kv.operations).toEqual([
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
      { operation: 'setAll', key: 'credential:a send-setup' },
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
    ]);
    expect(copyIn(kv)).toEqual({
      entries: [
        ['credential:a', credentialA],
        ['mail-settings', settings],
      ],
    });
  });

  it('lets Send read the credentials and the settings in one kvs operation', async () => {
    const { kv, app } = setup();
    await app.set('credential:a', credentialA);
    await app.set('credential:b', credentialB);
    await app.set('mail-settings', settings);
    kv.resetOperations();

    const view = await app.readSendSetup();

    expect(kv.operations).toEqual([{ operation: 'get', key: 'send-setup' }]);
    expect(await view.listByPrefix('credential:')).toEqual([
      { key: 'credential:a', value: credentialA },
      { key: 'credential:b', value: credentialB },
    ]);
    expect(await view.get('mail-settings')).toEqual(settings);
    expect(await view.get('credential:gone')).toBeUndefined();
    expect(kv.count()).toBe(1);
  });

  it('without a copy (an installation from before it), reads the sources and writes the copy once', async () => {
    const { kv, app } = setup();
    kv.plain.set('credential:a', credentialA);
    kv.plain.set('mail-settings', settings);

    const view = await app.readSendSetup();

    expect(await view.get('credential:a')).toEqual(credentialA);
    expect(kv.operations).toEqual([
      { operation: 'get', key: 'send-setup' },
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
      { operation: 'set', key: 'send-setup' },
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
    ]);
    kv.resetOperations();
    await app.readSendSetup();
    expect(kv.count()).toBe(1);
  });

  it('does not use a copy it cannot read, nor one naming keys that are not its sources', async () => {
    const { kv, app } = setup();
    kv.plain.set('credential:a', credentialA);
    kv.plain.set('send-setup', { entries: [['template:x', {}]] });

    const view = await app.readSendSetup();

    expect(await view.listByPrefix('credential:')).toEqual([{ key: 'credential:a', value: credentialA }]);
    expect(await view.get('template:x')).toBeUndefined();
    expect(copyIn(kv)).toEqual({ entries: [['credential:a', credentialA]] });
  });

  it('settles a copy a concurrent writer left behind: the sources are read again until the copy holds them', async () => {
    const { kv, app } = setup();
    await app.set('credential:a', credentialA);
    // Another invocation saves the settings between this write's read of the sources and its transaction, and its
    // own (older) copy lands last.
    const setAll = kv.setAll.bind(kv);
    let raced = false;
    kv.setAll = async (entries: readonly KvEntry[]) => {
      await setAll(entries);
      if (!raced) {
        raced = true;
        kv.plain.set('mail-settings', settings);
      }
    };

    await app.set('credential:b', credentialB);

    expect(copyIn(kv)).toEqual({
      entries: [
        ['credential:a', credentialA],
        ['credential:b', credentialB],
        ['mail-settings', settings],
      ],
    });
    expect(kv.operations.slice(-5)).toEqual([
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
      { operation: 'set', key: 'send-setup' },
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
    ]);
  });

  it('drops a deleted credential from the copy before deleting its record', async () => {
    const { kv, app } = setup();
    await app.set('credential:a', credentialA);
    await app.set('credential:b', credentialB);
    kv.resetOperations();

    await app.delete('credential:b');

    expect(kv.operations).toEqual([
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
      { operation: 'set', key: 'send-setup' },
      { operation: 'delete', key: 'credential:b' },
      { operation: 'query', key: 'credential:' },
      { operation: 'get', key: 'mail-settings' },
    ]);
    expect(copyIn(kv)).toEqual({ entries: [['credential:a', credentialA]] });
  });

  it('puts the record back in the copy when its delete fails', async () => {
    const { kv, app } = setup();
    await app.set('credential:a', credentialA);
    kv.failNext('delete', new Error('platform down'));

    await expect(app.delete('credential:a')).rejects.toThrow('platform down');

    expect(copyIn(kv)).toEqual({ entries: [['credential:a', credentialA]] });
  });

  it('passes every other key straight through, one operation each', async () => {
    const { kv, app } = setup();

    await app.set('template:x', { name: 'X' });
    await app.setAll([{ key: 'email-content:e.0', value: {} }]);
    await app.delete('template:x');
    await app.get('template:x');
    await app.setSecret('credential-secret:a', 's');

    expect(kv.operations.map((entry) => entry.operation)).toEqual(['set', 'setAll', 'delete', 'get', 'setSecret']);
    expect(kv.plain.has('send-setup')).toBe(false);
  });

  it('keeps no copy too big for one entry: Send then reads the sources', async () => {
    const { kv, app } = setup();
    const big = { id: 'big', padding: 'x'.repeat(MAX_SEND_SETUP_BYTES) };

    await app.set('credential:big', big);

    expect(kv.plain.get('credential:big')).toEqual(big);
    expect(kv.plain.has('send-setup')).toBe(false);
    kv.resetOperations();
    expect(await (await app.readSendSetup()).get('credential:big')).toEqual(big);
    expect(kv.operations.map((entry) => entry.operation)).toEqual(['get', 'query', 'get']);
  });
});

describe('readOnlyKvStore', () => {
  it('answers copies of its entries and refuses secrets and every write', async () => {
    const store = readOnlyKvStore([{ key: 'credential:a', value: credentialA }]);
    const read = (await store.get('credential:a')) as { name: string };
    read.name = 'changed';

    expect(await store.get('credential:a')).toEqual(credentialA);
    await expect(store.getSecret('credential-secret:a')).rejects.toThrow(/read-only/);
    await expect(store.set('credential:a', {})).rejects.toThrow(/read-only/);
    await expect(store.setAll([])).rejects.toThrow(/read-only/);
    await expect(store.delete('credential:a')).rejects.toThrow(/read-only/);
    await expect(store.setSecret('k', 'v')).rejects.toThrow(/read-only/);
    await expect(store.deleteSecret('k')).rejects.toThrow(/read-only/);
  });
});
