import { adminRequest, resolverWorld, silenceWarnings } from '../support/resolvers';

/** Saving a template trial-renders it against the sample issue: one that breaks a limit is never stored. */
describe('saveTemplate refuses a template that breaks a limit', () => {
  silenceWarnings();

  const save = (body: string) => {
    const world = resolverWorld();
    return {
      world,
      answer: world.admin.saveTemplate(adminRequest({ name: 'Hostile', subject: '{{ issue.key }}', body })),
    };
  };

  it.each([
    [
      'a range of millions of items',
      '<p>\n{% assign big = (1..3000000) | where: "a", 1 %}',
      'Line 2, column 1: a range of 3,000,000 items is over the limit of 10,000.',
    ],
    [
      'a filter over a huge list that only rendering finds',
      '{% assign n = 3000000 %}{% assign big = (1..n) | where: "a", 1 %}',
      'Line 1, column 25: filter "where" was given a list of more than 10,000 items.',
    ],
    [
      'CSS variables that double at each level',
      `<style>:root { --v0: x;${Array.from({ length: 16 }, (_, i) => ` --v${i + 1}: var(--v${i}) var(--v${i});`).join('')} } p { color: var(--v16); }</style><p>x</p>`,
      'CSS variable --v9 stands for more than 10,000 characters once its var() are resolved.',
    ],
  ])('%s', async (_what, body, message) => {
    const { world, answer } = save(body);
    expect(await answer).toEqual({
      ok: false,
      error: {
        code: 'TEMPLATE_LIMIT_EXCEEDED',
        message: 'The template goes over one of Issue Mailer’s limits. Change the highlighted part and save again.',
        fieldErrors: { body: message },
      },
    });
    expect(world.kv.count('set')).toBe(0);
  });

  it('still saves a template within every limit', async () => {
    const { answer } = save('{% for c in comments %}{{ c.body_html }}{% endfor %}');
    expect(await answer).toMatchObject({ ok: true, data: { name: 'Hostile' } });
  });
});
