/**
 * @jest-environment jsdom
 */
// The fake bridge goes first (a side-effect import, which import sorting keeps on top): @forge/bridge reads it when the UI modules load.
import './support/fake-admin-bridge';

import { TextEncoder } from 'node:util';

import type { TemplateView, UnknownPlaceholder } from '../../../src/contract';
import { TemplateEditor } from '../../../static/admin/src/templates/template-editor';
import {
  buttonNamed,
  click,
  controlLabelled,
  mount,
  type Mounted,
  paragraphsOf,
  submit,
  textOf,
  typeInto,
} from './support/dom';
import { backend } from './support/fake-admin-bridge';

// CodeMirror is a chunk of its own, and a layout engine jsdom does not have: here it never arrives, so the
// editor is the plain textarea it shows while the chunk loads (the browser tests cover CodeMirror).
jest.mock('../../../static/admin/src/templates/code-editor-view', () => {
  throw new Error('CodeMirror is not loaded in jsdom');
});

const BUILT_IN: TemplateView = {
  id: 'built-in',
  name: 'Standard',
  subject: '[{{ issue.key }}] {{ issue.summary }}',
  body: '<!DOCTYPE html>\n<html><body><h1>{{ issue.key }}</h1>\n</body></html>\n',
  builtIn: true,
  updatedAt: null,
};

const UNKNOWN: UnknownPlaceholder[] = [
  { name: 'issue.titel', field: 'subject', line: 1, column: 4 },
  { name: 'issue.nonexistent', field: 'body', line: 3, column: 6 },
];

let mounted: Mounted | null = null;
const saved: TemplateView[] = [];

beforeAll(() => {
  // jsdom lays nothing out, so it has no scrolling; nor has it TextEncoder, which the body's size uses.
  Element.prototype.scrollIntoView = () => undefined;
  Object.assign(globalThis, { TextEncoder });
});

beforeEach(() => {
  backend.reset();
  saved.length = 0;
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const openNew = async () => {
  mounted = await mount(
    <TemplateEditor
      target={{ kind: 'new' }}
      templates={[BUILT_IN]}
      focusOnShow={false}
      onSaved={(template) => saved.push(template)}
      onDuplicate={() => undefined}
      onClose={() => undefined}
    />,
  );
  const { container } = mounted;
  return {
    container,
    name: controlLabelled(container, 'Name'),
    subject: controlLabelled(container, 'Subject'),
    body: controlLabelled<HTMLTextAreaElement>(container, 'HTML body'),
  };
};

const warningOf = (scope: Element) => scope.querySelector('.im-message--warning');
const itemsOf = (element: Element | null) =>
  Array.from(element?.querySelectorAll('li') ?? []).map((item) => textOf(item));

describe('the template editor', () => {
  it('starts a new template from the built-in subject and layout, with an empty name', async () => {
    const { name, subject, body } = await openNew();
    expect([name.value, subject.value, body.value]).toEqual(['', BUILT_IN.subject, BUILT_IN.body]);
  });

  it('takes the body from the plain textarea while CodeMirror has not loaded', async () => {
    backend.on('saveTemplate', (input) => ({
      ok: true,
      data: {
        id: 'tpl-1',
        name: input.name,
        subject: input.subject,
        body: input.body,
        builtIn: false,
        updatedAt: null,
        unknownPlaceholders: [],
      },
    }));
    const { container, name, body } = await openNew();
    expect(body.tagName).toBe('TEXTAREA');
    await typeInto(name, 'Short');
    await typeInto(body as unknown as HTMLInputElement, '<p>{{ issue.summary }}</p>');
    await submit(container.querySelector('form') as HTMLFormElement);
    expect(backend.payloadsOf('saveTemplate')).toEqual([
      { name: 'Short', subject: BUILT_IN.subject, body: '<p>{{ issue.summary }}</p>' },
    ]);
  });

  it('says which placeholders will show nothing after a save that stored the template', async () => {
    backend.on('saveTemplate', (input) => ({
      ok: true,
      data: {
        id: 'tpl-1',
        name: input.name,
        subject: input.subject,
        body: input.body,
        builtIn: false,
        updatedAt: '2024-05-06T06:00:00.000Z',
        unknownPlaceholders: UNKNOWN,
      },
    }));
    const { container, name } = await openNew();
    await typeInto(name, 'Customer update');
    await submit(container.querySelector('form') as HTMLFormElement);

    expect(backend.payloadsOf('saveTemplate')).toEqual([
      { name: 'Customer update', subject: BUILT_IN.subject, body: BUILT_IN.body },
    ]);
    expect(paragraphsOf(container.querySelector('.im-message--success'))).toEqual([
      'Template saved',
      '“Customer update” is saved. Choose it for a project under Sending settings.',
    ]);
    const warning = warningOf(container);
    expect(warning?.getAttribute('role')).toBe('status');
    expect(paragraphsOf(warning)).toEqual([
      '2 placeholders will show nothing',
      'They are not ones Issue Mailer fills in, so emails show nothing where they are. Check the spelling against the Placeholders list.',
    ]);
    expect(itemsOf(warning)).toEqual([
      'issue.titel Subject, line 1, column 4',
      'issue.nonexistent HTML body, line 3, column 6 Go to line 3 (issue.nonexistent)',
    ]);
    // The list keeps the template without the warning.
    expect(saved).toEqual([
      {
        id: 'tpl-1',
        name: 'Customer update',
        subject: BUILT_IN.subject,
        body: BUILT_IN.body,
        builtIn: false,
        updatedAt: '2024-05-06T06:00:00.000Z',
      },
    ]);
  });

  it('moves the caret to the placeholder from the warning', async () => {
    backend.on('saveTemplate', (input) => ({
      ok: true,
      data: {
        id: 'tpl-1',
        name: input.name,
        subject: input.subject,
        body: input.body,
        builtIn: false,
        updatedAt: null,
        unknownPlaceholders: UNKNOWN,
      },
    }));
    const { container, name, body } = await openNew();
    await typeInto(name, 'Customer update');
    await submit(container.querySelector('form') as HTMLFormElement);
    await click(buttonNamed(container, 'Go to line 3 (issue.nonexistent)'));
    expect(document.activeElement).toBe(body);
    // Line 3 starts after "<!DOCTYPE html>\n" and "<html>…</h1>\n"; column 6 is five characters in.
    expect(body.selectionStart).toBe(BUILT_IN.body.indexOf('</body>') + 5);
  });

  it('shows no warning after a save that names only known placeholders', async () => {
    backend.on('saveTemplate', (input) => ({
      ok: true,
      data: {
        id: 'tpl-1',
        name: input.name,
        subject: input.subject,
        body: input.body,
        builtIn: false,
        updatedAt: null,
        unknownPlaceholders: [],
      },
    }));
    const { container, name } = await openNew();
    await typeInto(name, 'Plain');
    await submit(container.querySelector('form') as HTMLFormElement);
    expect(container.querySelector('.im-message--success')).not.toBeNull();
    expect(warningOf(container)).toBeNull();
  });

  it('puts the warning above the preview', async () => {
    backend.on('previewTemplate', () => ({
      ok: true,
      data: {
        subject: '[SHOP-142] ',
        html: '<p>x</p>',
        renderedWith: 'sample',
        unknownPlaceholders: [UNKNOWN[1] as UnknownPlaceholder],
      },
    }));
    const { container } = await openNew();
    await click(buttonNamed(container, 'Preview'));

    const preview = container.querySelector('.im-preview__result') as HTMLElement;
    const warning = warningOf(preview);
    expect(paragraphsOf(warning)).toEqual([
      'A placeholder will show nothing',
      'It is not one Issue Mailer fills in, so emails show nothing where it is. Check the spelling against the Placeholders list.',
    ]);
    expect(itemsOf(warning)).toEqual([
      'issue.nonexistent HTML body, line 3, column 6 Go to line 3 (issue.nonexistent)',
    ]);
    const frame = preview.querySelector('iframe') as HTMLIFrameElement;
    expect(warning?.compareDocumentPosition(frame) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });
});
