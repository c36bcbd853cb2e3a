import { kvs } from '@forge/kvs';

import { apiError, install } from './kvs-fixtures';

/**
 * Forge's Custom Entity Store "strictly enforces attribute types" with the value rules of
 * https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities/ ("Values"), answering
 * INVALID_ENTITY_VALUE; the local store does too, through every way a value is written.
 */
describe('custom entity values meet their declared attribute types', () => {
  const entities = [
    {
      name: 'ticket',
      attributes: {
        count: { type: 'integer' as const },
        at: { type: 'float' as const },
        title: { type: 'string' as const },
        open: { type: 'boolean' as const },
        extra: { type: 'any' as const },
      },
      indexes: ['at'],
    },
  ];
  const ticket = kvs.entity<Record<string, unknown>>('ticket');

  it.each([
    ['the largest 32-bit integer', { count: 2_147_483_647 }],
    ['the smallest 32-bit integer', { count: -2_147_483_648 }],
    ['a time in milliseconds as a float', { at: Date.parse('2026-12-06T10:00:00Z') }],
    ['a float of 0', { at: 0 }],
    ['a tiny float', { at: 1e-130 }],
    ['a text', { title: ' x ' }],
    ['a boolean', { open: false }],
    ['anything in an any', { extra: { nested: [1, 'a', null] } }],
    ['no attribute at all', {}],
    ['a key nobody declared', { unknown: '' }],
  ])('stores %s', async (_name, value) => {
    install({ entities });
    await ticket.set('t1', value);
    expect(await ticket.get('t1')).toEqual(value);
  });

  it.each([
    ['a time in milliseconds as an integer', { count: Date.parse('2026-12-06T10:00:00Z') }, 'ticket.count', 'a 32-bit'],
    ['a fraction as an integer', { count: 1.5 }, 'ticket.count', 'a 32-bit'],
    ['a string as an integer', { count: '1' }, 'ticket.count', 'a 32-bit'],
    ['a float below 1E-130', { at: 1e-131 }, 'ticket.at', 'a float of 0'],
    ['a string as a float', { at: '1' }, 'ticket.at', 'a float'],
    ['an empty string', { title: '' }, 'ticket.title', 'a string with'],
    ['a blank string', { title: '   ' }, 'ticket.title', 'a string with'],
    ['null as a string', { title: null }, 'ticket.title', 'a string with'],
    ['a number as a boolean', { open: 1 }, 'ticket.open', 'true or false'],
  ])('refuses %s', async (_name, value, attribute, words) => {
    install({ entities });
    const error = await apiError(ticket.set('t1', value));
    expect(error.code).toBe('INVALID_ENTITY_VALUE');
    expect(error.message).toContain(
      `Entity values must match one of the types defined in Custom Entities: ${attribute} must be ${words}`,
    );
    expect(await ticket.get('t1')).toBeUndefined();
  });

  it('refuses a bad value in a transaction, writing nothing of it', async () => {
    install({ entities });
    const error = await apiError(
      kvs
        .transact()
        .set('plain', 1)
        .set('t1', { count: 2 ** 40 }, { entityName: 'ticket' })
        .execute(),
    );
    expect(error.code).toBe('INVALID_ENTITY_VALUE');
    expect(await kvs.get('plain')).toBeUndefined();
    expect(await ticket.get('t1')).toBeUndefined();
  });

  it('refuses a bad value in a batch as that item failing', async () => {
    install({ entities });
    const result = await kvs.batchSet([
      { key: 'good', value: { count: 1 }, entityName: 'ticket' },
      { key: 'bad', value: { title: '' }, entityName: 'ticket' },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'good', entityName: 'ticket' }]);
    expect(result.failedKeys).toHaveLength(1);
    expect(result.failedKeys[0]).toMatchObject({
      key: 'bad',
      entityName: 'ticket',
      error: { code: 'INVALID_ENTITY_VALUE' },
    });
  });
});
