import type { FrameLocator, Locator } from 'playwright-core';

import { isFocused, openAdminPage, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const editorForm = (app: FrameLocator, heading: RegExp) => app.getByRole('form', { name: heading });

/** CodeMirror's content, once its chunk has loaded: a textbox named by the field's label. */
const codeEditor = async (form: Locator): Promise<Locator> => {
  const body = form.getByRole('textbox', { name: 'HTML body', exact: true });
  await form.locator('.cm-content[aria-label="HTML body"]').waitFor();
  return body;
};

const warningIn = (scope: Locator) => scope.locator('.im-message--warning');

describe('the template editor', () => {
  it('loads CodeMirror only when a template is opened, and a new template starts from the built-in layout, highlighted', async () => {
    const chunks: string[] = [];
    run.page.on('request', (request) => {
      if (/code-editor-view-[^/]*\.js$/.test(request.url())) chunks.push(request.url());
    });
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Email templates');
    await app.getByRole('row', { name: /Standard/ }).waitFor();
    expect(chunks).toEqual([]);

    await app.getByRole('button', { name: 'New template' }).click();
    const form = editorForm(app, /Create template/);
    const body = await codeEditor(form);
    expect(chunks).toHaveLength(1);
    // One control is named "HTML body": the textarea it replaced is gone.
    expect(await form.getByLabel('HTML body', { exact: true }).count()).toBe(1);
    expect(await body.getAttribute('id')).toBe('template-body');
    expect(await body.getAttribute('aria-describedby')).toBe('template-body-hint');

    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('Subject', { exact: true }).inputValue()).toBe(
      '[{{ issue.key }}] {{ issue.summary }}',
    );
    const lines = await body.locator('.cm-line').allInnerTexts();
    expect(lines.slice(0, 2)).toEqual(['<!DOCTYPE html>', '<html lang="en">']);
    expect(lines).toContain('<title>[{{ issue.key }}] {{ issue.summary }}</title>');

    // Liquid and HTML each in their own token spans, coloured from the design tokens.
    const title = body.locator('.cm-line', { hasText: '<title>' });
    expect(await title.locator('.im-tok-tag').allInnerTexts()).toEqual(expect.arrayContaining(['title']));
    expect(await title.locator('.im-tok-variable').allInnerTexts()).toEqual(['issue', 'issue']);
    expect(await title.locator('.im-tok-property').allInnerTexts()).toEqual(['key', 'summary']);
    const colours = await title.evaluate((line) =>
      ['.im-tok-tag', '.im-tok-variable'].map(
        (selector) => getComputedStyle(line.querySelector(selector) as Element).color,
      ),
    );
    expect(new Set([...colours, await body.evaluate((element) => getComputedStyle(element).color)]).size).toBe(3);

    // Jira's dark theme: the same tokens resolve to the dark side of each colour, the editor's surface too.
    const looks = () =>
      title.evaluate((line) => {
        const editor = line.closest('.cm-editor') as Element;
        return [
          getComputedStyle(line.querySelector('.im-tok-tag') as Element).color,
          getComputedStyle(editor).backgroundColor,
        ];
      });
    const themeToggle = run.page.getByRole('button', { name: 'Dark theme' });
    const light = await looks();
    await themeToggle.click();
    await app.locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
    const dark = await looks();
    await themeToggle.click();
    await app.locator('html[data-color-mode="light"]').waitFor({ state: 'attached' });
    expect(dark[0]).not.toBe(light[0]);
    expect(dark[1]).not.toBe(light[1]);
    expect(run.pageErrors).toEqual([]);
  });

  it('indents with Tab, and leaves the editor with Escape then Tab', async () => {
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Email templates');
    await app.getByRole('button', { name: 'New template' }).click();
    const form = editorForm(app, /Create template/);
    const body = await codeEditor(form);
    await body.fill('<p>\n</p>');
    await body.locator('.cm-line').first().click();
    await run.page.keyboard.press('End');
    await run.page.keyboard.press('Tab');
    expect(await isFocused(body)).toBe(true);
    expect(await body.locator('.cm-line').first().innerText()).toBe('  <p>');

    await run.page.keyboard.press('Escape');
    await run.page.keyboard.press('Tab');
    expect(await isFocused(body)).toBe(false);
    expect(await body.locator('.cm-line').first().innerText()).toBe('  <p>');
  });

  it('saves a template with an unknown placeholder, warning which, and warns above its preview', async () => {
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Email templates');
    await app.getByRole('button', { name: 'New template' }).click();
    const form = editorForm(app, /Create template/);
    const body = await codeEditor(form);
    await form.getByLabel('Name', { exact: true }).fill('Typo update');
    // A parse error first: refused, its line marked in the editor.
    await body.fill('<p>Hello,</p>\n<p>{{ issue.summary }}</p>\n{% if issue.assignee %}\n');
    await form.getByRole('button', { name: 'Save template' }).click();
    await app.locator('#template-body-error').waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await body.locator('.cm-line.im-cm-error-line').allInnerTexts()).toEqual(['{% if issue.assignee %}']);

    await body.fill('<p>Hello,</p>\n<p>{{ issue.summary }} for {{ issue.nonexistent }}</p>\n');
    await form.getByRole('button', { name: 'Save template' }).click();

    await app.getByRole('row', { name: /Typo update/ }).waitFor();
    // Saved: the same editor now edits the stored template.
    const edited = editorForm(app, /Edit template: Typo update/);
    await edited.locator('.im-message--success').waitFor();
    const saved = warningIn(edited);
    expect(await saved.locator('.im-message__title').innerText()).toBe('A placeholder will show nothing');
    expect(await saved.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^issue\.nonexistent HTML body, line 2, column 3\d Go to line 2/),
    ]);

    await saved.getByRole('button', { name: /Go to line 2/ }).click();
    expect(await isFocused(edited.getByRole('textbox', { name: 'HTML body', exact: true }))).toBe(true);

    await app.getByRole('button', { name: 'Preview', exact: true }).click();
    await app.getByText('Rendered with the sample issue.').waitFor();
    const result = app.locator('.im-preview__result');
    expect(await warningIn(result).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^issue\.nonexistent HTML body, line 2/),
    ]);
    const above = await result.evaluate((element) => {
      const warning = element.querySelector('.im-message--warning');
      const frame = element.querySelector('iframe');
      return (
        warning !== null &&
        frame !== null &&
        (warning.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
      );
    });
    expect(above).toBe(true);
    expect(run.pageErrors).toEqual([]);
  });
});
