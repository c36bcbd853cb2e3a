import { adminRequest, resolverWorld } from '../support/resolvers';

/** A placeholder no email has renders as nothing: save and preview say which, and save stores the template anyway. */
describe('unknown placeholders in saveTemplate and previewTemplate', () => {
  const template = {
    subject: 'Update on {{ issue.key }}',
    body: '<p>{{ issue.summary }}</p>\n<p>{{ issue.nonexistent }}</p>',
  };

  it('saves the template and answers the unknown names', async () => {
    const world = resolverWorld();
    const answer = await world.admin.saveTemplate(adminRequest({ name: 'Customer update', ...template }));
    expect(answer).toEqual({
      ok: true,
      data: {
        id: 'tpl-1',
        name: 'Customer update',
        ...template,
        builtIn: false,
        updatedAt: '2024-05-06T06:00:00.000Z',
        unknownPlaceholders: [{ name: 'issue.nonexistent', field: 'body', line: 2, column: 7 }],
      },
    });
    expect(await world.admin.listTemplates(adminRequest({}))).toMatchObject({
      ok: true,
      data: [{ id: 'built-in' }, { id: 'tpl-1' }],
    });
  });

  it('answers no unknown names for a template that only uses placeholders', async () => {
    const world = resolverWorld();
    const answer = await world.admin.saveTemplate(
      adminRequest({ name: 'Plain', subject: '{{ issue.key }}', body: '<p>{{ issue.summary }}</p>' }),
    );
    expect(answer).toMatchObject({ ok: true, data: { unknownPlaceholders: [] } });
  });

  it('lists the unknown names with the preview', async () => {
    const world = resolverWorld();
    const answer = await world.admin.previewTemplate(adminRequest(template));
    expect(answer).toMatchObject({
      ok: true,
      data: {
        subject: 'Update on SHOP-142',
        renderedWith: 'sample',
        unknownPlaceholders: [{ name: 'issue.nonexistent', field: 'body', line: 2, column: 7 }],
      },
    });
  });
});
