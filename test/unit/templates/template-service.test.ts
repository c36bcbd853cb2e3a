import { BUILT_IN_TEMPLATE_ID } from '../../../src/contract';
import { BUILT_IN_TEMPLATE } from '../../../src/templates/built-in-template';
import { deadlineError } from '../../../src/templates/render-thread-runner';
import {
  BuiltInTemplateReadOnlyError,
  TemplateError,
  TemplateInUseError,
  TemplateNotFoundError,
} from '../../../src/templates/template-errors';
import { createTemplateService } from '../../../src/templates/template-service';
import { createTemplateStore } from '../../../src/templates/template-store';
import { tickingClock } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';
import { issueData, rejection } from './template-fixtures';

const setup = () => {
  const kv = new MemoryKvStore();
  let next = 0;
  const service = createTemplateService({
    store: createTemplateStore(kv),
    now: tickingClock(),
    newId: () => `tpl-${++next}`,
  });
  return { kv, service };
};

const input = (overrides: Partial<{ id: string; name: string; subject: string; body: string }> = {}) => ({
  name: 'Support',
  subject: 'Support: {{ issue.key }}',
  body: '<p>{{ issue.summary }}</p>',
  ...overrides,
});

describe('template service', () => {
  it('lists only the built-in template at first, and gets it without storage', async () => {
    const { kv, service } = setup();
    expect(await service.list()).toEqual([BUILT_IN_TEMPLATE]);
    expect(await service.get(BUILT_IN_TEMPLATE_ID)).toBe(BUILT_IN_TEMPLATE);
    expect(kv.count('get')).toBe(0);
    expect(kv.plain.size).toBe(0);
  });

  it('creates a template under template:{id}', async () => {
    const { kv, service } = setup();
    const { unknownPlaceholders, ...view } = await service.save(input());
    expect(view).toEqual({
      id: 'tpl-1',
      name: 'Support',
      subject: 'Support: {{ issue.key }}',
      body: '<p>{{ issue.summary }}</p>',
      builtIn: false,
      updatedAt: '2024-05-06T06:00:00.000Z',
    });
    expect(unknownPlaceholders).toEqual([]);
    expect([...kv.plain.entries()]).toEqual([
      [
        'template:tpl-1',
        {
          id: 'tpl-1',
          name: 'Support',
          subject: 'Support: {{ issue.key }}',
          body: '<p>{{ issue.summary }}</p>',
          updatedAt: '2024-05-06T06:00:00.000Z',
        },
      ],
    ]);
    expect(await service.get('tpl-1')).toEqual(view);
  });

  it('gives new templates short random ids by default', async () => {
    const kv = new MemoryKvStore();
    const service = createTemplateService({ store: createTemplateStore(kv), now: tickingClock() });
    const [a, b] = [await service.save(input()), await service.save(input())];
    expect(a.id).toMatch(/^[a-z0-9-]{12}$/);
    expect(b.id).not.toBe(a.id);
  });

  it('updates a template in place', async () => {
    const { kv, service } = setup();
    await service.save(input());
    const view = await service.save(input({ id: 'tpl-1', name: 'Renamed', body: '<p>changed</p>' }));
    expect(view).toMatchObject({
      id: 'tpl-1',
      name: 'Renamed',
      body: '<p>changed</p>',
      updatedAt: '2024-05-06T06:00:01.000Z',
    });
    expect([...kv.plain.keys()]).toEqual(['template:tpl-1']);
  });

  it('lists the built-in template first, then by name', async () => {
    const { service } = setup();
    for (const name of ['beta', 'Alpha', 'gamma', 'alpha']) await service.save(input({ name }));
    expect((await service.list()).map((view) => `${view.id}:${view.name}`)).toEqual([
      'built-in:Standard',
      'tpl-2:Alpha',
      'tpl-4:alpha',
      'tpl-1:beta',
      'tpl-3:gamma',
    ]);
  });

  it.each([
    ['subject', { subject: '{{ issue.key | nope }}' }, 'Line 1, column 1: undefined filter: nope.'],
    ['body', { body: '<p>\n\n{% if issue.key %}' }, 'Line 3, column 1: tag {% if issue.key %} not closed.'],
    [
      'body',
      { body: '{% include "x" %}' },
      'Line 1, column 1: tag "include" is not available: a template cannot use other templates.',
    ],
  ])('refuses to save Liquid that does not parse (%s) and stores nothing', async (field, overrides, message) => {
    const { kv, service } = setup();
    const error = await rejection(service.save(input(overrides)));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({ code: 'TEMPLATE_INVALID', field, fieldErrors: { [field]: message } });
    expect(kv.count('set')).toBe(0);
  });

  it('trial-renders a template against the sample issue on save and refuses one that breaks a limit', async () => {
    const { kv, service } = setup();
    // Parses fine; only rendering finds the 3,000,000-item list the filter would walk.
    const error = await rejection(
      service.save(
        input({ body: '<p>{{ issue.key }}</p>\n{% assign n = 3000000 %}{{ (1..n) | where: "a", 1 | size }}' }),
      ),
    );
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      code: 'TEMPLATE_LIMIT_EXCEEDED',
      limit: 'list-items',
      field: 'body',
      fieldErrors: { body: 'Line 2, column 25: filter "where" was given a list of more than 10,000 items.' },
    });
    expect(kv.count('set')).toBe(0);
  });

  it('refuses to change or delete the built-in template', async () => {
    const { kv, service } = setup();
    expect(await rejection(service.save(input({ id: BUILT_IN_TEMPLATE_ID })))).toBeInstanceOf(
      BuiltInTemplateReadOnlyError,
    );
    const error = await rejection(service.delete(BUILT_IN_TEMPLATE_ID, []));
    expect(error).toBeInstanceOf(BuiltInTemplateReadOnlyError);
    expect(error).toMatchObject({ code: 'TEMPLATE_READ_ONLY' });
    expect(kv.count()).toBe(0);
  });

  it('refuses to edit a template that was deleted meanwhile', async () => {
    const { kv, service } = setup();
    const error = await rejection(service.save(input({ id: 'gone' })));
    expect(error).toBeInstanceOf(TemplateNotFoundError);
    expect(error).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', message: 'No template with id "gone".' });
    expect(kv.count('set')).toBe(0);
  });

  it('deletes a template no project uses', async () => {
    const { kv, service } = setup();
    await service.save(input());
    await service.delete('tpl-1', ['tpl-9']);
    expect(kv.plain.size).toBe(0);
    expect(await rejection(service.get('tpl-1'))).toBeInstanceOf(TemplateNotFoundError);
  });

  it('refuses to delete a project default, and an unknown template', async () => {
    const { kv, service } = setup();
    await service.save(input());
    const inUse = await rejection(service.delete('tpl-1', ['tpl-1']));
    expect(inUse).toBeInstanceOf(TemplateInUseError);
    expect(inUse).toMatchObject({ code: 'TEMPLATE_IN_USE' });
    expect(await rejection(service.delete('tpl-9', []))).toBeInstanceOf(TemplateNotFoundError);
    expect([...kv.plain.keys()]).toEqual(['template:tpl-1']);
  });

  it('previews against the sample issue, or the issue given', async () => {
    const { kv, service } = setup();
    const template = { subject: '{{ issue.key }}: {{ issue.summary }}', body: '<p>{{ issue.key }}</p>' };
    expect(await service.preview(template)).toEqual({
      subject: 'SHOP-142: Checkout fails for saved cards',
      html: '<p>SHOP-142</p>',
      renderedWith: 'sample',
      unknownPlaceholders: [],
    });
    expect(await service.preview(template, issueData({ issue: { key: 'DEMO-7', summary: 'Real' } }))).toEqual({
      subject: 'DEMO-7: Real',
      html: '<p>DEMO-7</p>',
      renderedWith: 'DEMO-7',
      unknownPlaceholders: [],
    });
    expect(kv.count()).toBe(0);
  });

  it('refuses to preview a broken template, naming the field', async () => {
    const { service } = setup();
    expect(await rejection(service.preview({ subject: 'ok', body: '{% endfor %}' }))).toMatchObject({
      field: 'body',
      line: 1,
    });
  });
});

describe('template store', () => {
  const record = { id: 'tpl-1', name: 'Support', subject: 's', body: 'b', updatedAt: '2024-05-06T06:00:00.000Z' };

  it.each([
    ['a record of another shape', { ...record, name: 42 }],
    ['a record whose id is not its key', { ...record, id: 'tpl-2' }],
    ['not an object', 'text'],
  ])('leaves out %s, keeping the others', async (_what, value) => {
    const kv = new MemoryKvStore();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    kv.plain.set('template:tpl-1', value);
    kv.plain.set('template:tpl-3', { ...record, id: 'tpl-3' });
    const store = createTemplateStore(kv);
    expect((await store.list()).map((template) => template.id)).toEqual(['tpl-3']);
    expect(await store.get('tpl-1')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[issue-mailer\] ignoring unreadable record template:tpl-1: /),
    );
    warn.mockRestore();
  });

  it('refuses to build a key from an unsafe id', async () => {
    const store = createTemplateStore(new MemoryKvStore());
    await expect(store.get('../x')).rejects.toMatchObject({ code: 'STORAGE_KEY_INVALID' });
  });
});

describe('template service with an injected renderer', () => {
  it('saves, previews and renders every email through the renderer it is given (the render thread in the app)', async () => {
    const kv = new MemoryKvStore();
    const rendered: string[] = [];
    const render = async (template: { subject: string; body: string }) => {
      rendered.push(template.body);
      if (template.body.includes('runaway')) throw deadlineError(5000);
      return { subject: 'S', html: `<p>${template.body}</p>` };
    };
    const service = createTemplateService({
      store: createTemplateStore(kv),
      now: tickingClock(),
      newId: () => 'tpl-1',
      render,
    });

    const refused = (await rejection(service.save(input({ body: 'runaway' })))) as TemplateError;
    expect([refused.code, refused.limit, refused.fieldErrors]).toEqual([
      'TEMPLATE_LIMIT_EXCEEDED',
      'render-deadline',
      {
        body: 'The email took more than 5 seconds to render and was stopped (a loop that never ends, or <style> rules too costly for its elements?).',
      },
    ]);
    expect(await service.list()).toEqual([BUILT_IN_TEMPLATE]);
    expect(await service.preview({ subject: 'x', body: 'fine' })).toEqual({
      subject: 'S',
      html: '<p>fine</p>',
      renderedWith: 'sample',
      unknownPlaceholders: [],
    });
    expect(await service.render({ subject: 'x', body: 'also' }, issueData())).toEqual({
      subject: 'S',
      html: '<p>also</p>',
    });
    expect(rendered).toEqual(['runaway', 'fine', 'also']);
  });
});
