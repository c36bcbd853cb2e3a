import type { FrameLocator } from 'playwright-core';

import { ADMIN_FRAME, isFocused, openAdminPage, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

const TABS = [
  'Credentials',
  'Email templates',
  'Sending settings',
  'Notification rules',
  'Mail handlers',
  'Email log',
  'Incoming log',
];

const tabList = (app: FrameLocator) => app.getByRole('tablist', { name: 'Issue Mailer settings' });
const tab = (app: FrameLocator, name: string) => tabList(app).getByRole('tab', { name, exact: true });

/** Each tab as "<name>: <aria-selected>", in order. */
const tabStates = (app: FrameLocator) =>
  tabList(app)
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((item) => `${item.textContent ?? ''}: ${item.getAttribute('aria-selected')}`));

const selectedTabs = (name: string) => TABS.map((item) => `${item}: ${item === name}`);

/** The names of the tabs whose panel shows, and the panel's label, checked against the tab it belongs to. */
const shownPanels = async (app: FrameLocator): Promise<string[]> =>
  app.locator('[role="tabpanel"]').evaluateAll((panels) =>
    panels
      .filter((panel) => !(panel as HTMLElement).hidden)
      .map((panel) => {
        const label = panel.ownerDocument.getElementById(panel.getAttribute('aria-labelledby') ?? '');
        return `${label?.textContent ?? '(no label)'} controls ${label?.getAttribute('aria-controls') === panel.id}`;
      }),
  );

const appPath = () => new URL(run.page.url()).pathname;

describe('the admin page in tabs', () => {
  it('opens on Credentials, one section at a time, and loads only what that tab shows', async () => {
    const calls: string[] = [];
    run.page.on('request', (request) => {
      if (request.url().endsWith('/__forge/invoke'))
        calls.push(String((JSON.parse(request.postData() ?? '{}') as { functionKey?: unknown }).functionKey));
    });
    const app = await openAdminPage(run);

    expect(await tabStates(app)).toEqual(selectedTabs('Credentials'));
    expect(await shownPanels(app)).toEqual(['Credentials controls true']);
    expect(await app.getByRole('heading', { name: 'Email templates', level: 2 }).count()).toBe(0);
    expect(await app.getByRole('heading', { name: 'Email log', level: 2 }).count()).toBe(0);
    // One call: the warnings and the credential list (test/e2e/resolver-calls.e2e.ts counts every tab).
    expect(calls).toEqual(['loadAdminView']);

    await showAdminSection(app, 'Email log');
    await app.getByRole('heading', { name: 'Email log', level: 2 }).waitFor();
    expect(await tabStates(app)).toEqual(selectedTabs('Email log'));
    expect(await shownPanels(app)).toEqual(['Email log controls true']);
    expect(await app.getByRole('heading', { name: 'Credentials', level: 2 }).isVisible()).toBe(false);
    expect(appPath()).toBe('/admin/email-log');
    expect(run.pageErrors).toEqual([]);
  });

  it('moves between tabs with the arrow keys, Home and End, the selected tab alone in the Tab order', async () => {
    const app = await openAdminPage(run);
    await tab(app, 'Credentials').focus();
    expect(
      await tabList(app)
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.map((item) => item.getAttribute('tabindex'))),
    ).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1']);

    const keyboard = run.page.keyboard;
    await keyboard.press('ArrowRight');
    expect(await tabStates(app)).toEqual(selectedTabs('Email templates'));
    expect(await isFocused(tab(app, 'Email templates'))).toBe(true);
    await app.getByRole('heading', { name: 'Email templates', level: 2 }).waitFor();

    await keyboard.press('End');
    expect(await tabStates(app)).toEqual(selectedTabs('Incoming log'));
    expect(await isFocused(tab(app, 'Incoming log'))).toBe(true);

    await keyboard.press('Home');
    expect(await tabStates(app)).toEqual(selectedTabs('Credentials'));
    await keyboard.press('ArrowLeft');
    expect(await tabStates(app)).toEqual(selectedTabs('Incoming log'));
    expect(await isFocused(tab(app, 'Incoming log'))).toBe(true);
    expect(await shownPanels(app)).toEqual(['Incoming log controls true']);
  });

  it('keeps the tab in the page URL: a reload opens it again, and Back returns to the tab before', async () => {
    const app = await openAdminPage(run);
    await showAdminSection(app, 'Sending settings');
    expect(appPath()).toBe('/admin/sending-settings');
    await showAdminSection(app, 'Notification rules');
    expect(appPath()).toBe('/admin/notification-rules');

    await run.page.reload();
    const reloaded = run.page.frameLocator(ADMIN_FRAME);
    await reloaded.getByRole('heading', { name: 'Notification rules', level: 2 }).waitFor();
    expect(await tabStates(reloaded)).toEqual(selectedTabs('Notification rules'));

    await run.page.goBack();
    await reloaded.getByRole('heading', { name: 'Sending settings', level: 2 }).waitFor();
    expect(appPath()).toBe('/admin/sending-settings');
    expect(await tabStates(reloaded)).toEqual(selectedTabs('Sending settings'));
    expect(await shownPanels(reloaded)).toEqual(['Sending settings controls true']);

    await run.page.goForward();
    await reloaded.locator('[role="tab"][aria-selected="true"]', { hasText: 'Notification rules' }).waitFor();
    expect(appPath()).toBe('/admin/notification-rules');
    expect(run.pageErrors).toEqual([]);
  });

  it('shows the Add credential form only once asked, and Cancel closes it', async () => {
    const app = await openAdminPage(run);
    const formHeading = app.getByRole('heading', { name: 'Add credential', level: 2 });
    const add = app.getByRole('button', { name: 'Add credential' });
    expect(await formHeading.count()).toBe(0);
    expect(await app.getByLabel('Client ID', { exact: true }).count()).toBe(0);
    expect(await add.getAttribute('aria-expanded')).toBe('false');

    await add.click();
    expect(await isFocused(formHeading)).toBe(true);
    expect(await add.getAttribute('aria-expanded')).toBe('true');
    await app.getByRole('button', { name: 'Cancel' }).click();
    expect(await formHeading.count()).toBe(0);
    expect(await isFocused(add)).toBe(true);
  });
});
