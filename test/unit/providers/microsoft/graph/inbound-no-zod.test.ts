/**
 * The queue consumer reads Graph's answers about incoming mail with the generated validators: loading the
 * incoming-mail client must not load zod (inbound-answer-schemas.ts is imported for its types only).
 */
describe('the incoming-mail Graph client', () => {
  it('loads no zod', async () => {
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      for (const name of ['zod', 'zod/mini', 'zod/v4', 'zod/v4-mini'])
        jest.doMock(name, () => {
          loaded.push(name);
          return {};
        });
      await import('../../../../../src/providers/microsoft/graph/inbound-mailbox');
    });
    expect(loaded).toEqual([]);
  });
});
