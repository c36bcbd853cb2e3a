/**
 * The email worker loads the provider seam on every cold start: Gmail's side (nodemailer's MIME builder, the contract's
 * Gmail scopes with zod) must come only with a Google credential's first send.
 */
describe('the mail sender', () => {
  it('loads neither nodemailer nor zod until a Google credential uses it', async () => {
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      for (const name of ['nodemailer/lib/mail-composer', 'zod', 'zod/mini'])
        jest.doMock(name, () => {
          loaded.push(name);
          return {};
        });
      await import('../../../src/providers/mail-sender');
    });
    expect(loaded).toEqual([]);
  });
});
