import type { JiraUser } from '../../types';
import { CREATE_ISSUE_PATH } from '../form-paths';
import { dropdownMenu } from './dropdown-menu';
import { html, type SafeHtml } from './html';
import { icons } from './icons';

export interface PageUser {
  accountId: string;
  displayName: string;
  isAdmin: boolean;
}

export interface ChromeOptions {
  title: string;
  /** Which top navigation item is current. */
  section: 'home' | 'projects' | 'apps' | 'automation';
  user: PageUser;
  users: PageUser[];
  /** The page's path, for the "switch user" links. */
  path: string;
  sidenav: SafeHtml;
  content: SafeHtml;
}

/** What the chrome shows of a site user. */
export const pageUser = (user: JiraUser): PageUser => ({
  accountId: user.accountId,
  displayName: user.displayName,
  isAdmin: user.isAdmin,
});

/** host.css defines jl-avatar--0 .. jl-avatar--7. */
const AVATAR_COLOR_COUNT = 8;

const initials = (name: string): string => {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
};

const avatarClass = (user: Pick<PageUser, 'accountId'>): string => {
  let hash = 0;
  for (const char of user.accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `jl-avatar--${hash % AVATAR_COLOR_COUNT}`;
};

/** An initials avatar; colours are classes, since the page CSP forbids inline styles. */
export const avatar = (
  user: Pick<PageUser, 'accountId' | 'displayName'>,
  size: 'small' | 'medium' = 'medium',
): SafeHtml =>
  html`<span class="jl-avatar jl-avatar--${size} ${avatarClass(user)}" aria-hidden="true">${initials(user.displayName)}</span>`;

const switchUserHref = (path: string, accountId: string): string => {
  const url = new URL(path, 'http://host.local');
  url.searchParams.set('as', accountId);
  return `${url.pathname}${url.search}`;
};

const topNavLink = (href: string, label: string, current: boolean): SafeHtml =>
  html`<a class="jl-topnav__link" href="${href}" ${current ? html`aria-current="page"` : ''}>${label}</a>`;

/** The Jira Cloud frame every page of the local site shares: top bar, side navigation, content. */
export const renderChrome = (options: ChromeOptions): string => {
  const { user } = options;
  const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} - Jira</title>
    <link rel="stylesheet" href="/__host/host.css" />
    <script src="/__host/page.js" defer></script>
  </head>
  <body>
    <div id="jl-app" class="jl-app">
      <a class="jl-skip-link" href="#jl-main">Skip to content</a>
      <header class="jl-topbar">
        <span class="jl-icon-button jl-topbar__switcher" aria-hidden="true">${icons.appSwitcher}</span>
        <a class="jl-logo" href="/">${icons.jira}<span>Jira</span></a>
        <nav class="jl-topnav" aria-label="Main">
          ${topNavLink('/', 'Your work', options.section === 'home')}
          ${topNavLink('/browse/DEMO-1', 'Projects', options.section === 'projects')}
          ${topNavLink('/admin', 'Apps', options.section === 'apps')}
          ${topNavLink('/automation', 'Automation', options.section === 'automation')}
        </nav>
        <a class="jl-button jl-button--primary jl-topbar__create" href="${CREATE_ISSUE_PATH}">Create</a>
        <div class="jl-topbar__end">
          <span class="jl-site-badge" title="Everything on this site runs on this machine">Local Forge host</span>
          <button type="button" class="jl-icon-button" data-action="toggle-color-mode" aria-pressed="false" aria-label="Dark theme">
            ${icons.moon}
          </button>
          ${dropdownMenu({
            name: 'profile',
            buttonClass: 'jl-profile-button',
            button: avatar(user, 'small'),
            buttonLabel: `Your profile: ${user.displayName}`,
            listLabel: 'Switch user',
            alignEnd: true,
            items: html`<p class="jl-menu__heading" role="presentation">Signed in as ${user.displayName}</p>
              ${options.users.map(
                (other) => html`<a
                  role="menuitem"
                  class="jl-menu__item"
                  href="${switchUserHref(options.path, other.accountId)}"
                  ${other.accountId === user.accountId ? html`aria-current="true"` : ''}
                  >${avatar(other, 'small')}<span>${other.displayName}${other.isAdmin ? ' (admin)' : ''}</span></a
                >`,
              )}`,
          })}
        </div>
      </header>
      <div class="jl-layout">
        ${options.sidenav}
        <main id="jl-main" class="jl-main" tabindex="-1">${options.content}</main>
      </div>
    </div>
    <div id="jl-flags" class="jl-flags"></div>
  </body>
</html>`;
  return page.value;
};

export interface ProjectNavOptions {
  projectName: string;
  projectKey: string;
  projectTypeKey: string;
  current: 'issues' | 'home';
}

const PROJECT_TYPES: Record<string, string> = {
  software: 'Software project',
  service_desk: 'Service project',
  business: 'Business project',
};

/** The side navigation when no project is known (error pages, an empty site). */
export const SITE_PROJECT: ProjectNavOptions = {
  projectName: 'Jira',
  projectKey: 'J',
  projectTypeKey: '',
  current: 'home',
};

export const projectSidenav = (
  options: ProjectNavOptions,
): SafeHtml => html`<nav class="jl-sidenav" aria-label="Project">
    <div class="jl-sidenav__project">
      <span class="jl-project-avatar" aria-hidden="true">${options.projectKey.slice(0, 1)}</span>
      <span>
        <span class="jl-sidenav__project-name">${options.projectName}</span>
        <span class="jl-sidenav__project-type">${PROJECT_TYPES[options.projectTypeKey] ?? 'Project'}</span>
      </span>
    </div>
    <p class="jl-sidenav__heading">Planning</p>
    <ul class="jl-sidenav__list">
      <li><a class="jl-sidenav__link" href="/" ${options.current === 'home' ? html`aria-current="page"` : ''}>Your work</a></li>
      <li>
        <a class="jl-sidenav__link" href="/#issues" ${options.current === 'issues' ? html`aria-current="page"` : ''}>Issues</a>
      </li>
    </ul>
  </nav>`;

export interface SettingsNavOptions {
  /** The admin pages of installed apps, listed under Apps. */
  appPages: { title: string; href: string }[];
  currentHref: string;
}

/** Jira settings' side navigation with the Apps section open, as Jira shows an app's admin page. */
export const settingsSidenav = (
  options: SettingsNavOptions,
): SafeHtml => html`<nav class="jl-sidenav" aria-label="Jira settings">
    <p class="jl-sidenav__title">Jira settings</p>
    <ul class="jl-sidenav__list">
      <li><span class="jl-sidenav__link jl-sidenav__link--static">System</span></li>
      <li><span class="jl-sidenav__link jl-sidenav__link--static">Products</span></li>
      <li><span class="jl-sidenav__link jl-sidenav__link--static">Projects</span></li>
      <li><span class="jl-sidenav__link jl-sidenav__link--static">Issues</span></li>
    </ul>
    <p class="jl-sidenav__heading" id="jl-nav-apps">Apps</p>
    <ul class="jl-sidenav__list" aria-labelledby="jl-nav-apps">
      <li><span class="jl-sidenav__link jl-sidenav__link--static">Manage apps</span></li>
      ${options.appPages.map(
        (page) => html`<li>
          <a class="jl-sidenav__link" href="${page.href}" ${page.href === options.currentHref ? html`aria-current="page"` : ''}
            >${page.title}</a
          >
        </li>`,
      )}
    </ul>
  </nav>`;
