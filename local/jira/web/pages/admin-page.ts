import { type PageUser, renderChrome, settingsSidenav } from './chrome';
import { html } from './html';

export interface AdminPageData {
  user: PageUser;
  users: PageUser[];
  path: string;
  title: string;
  moduleKey: string;
  resourceKey: string;
  /** The resource's URL for the frame; the page script adds the colour mode before loading it. */
  frameUrl: string;
  /** The page's path, below which the app's `view.createHistory()` routes live. */
  historyBase: string;
  appPages: { title: string; href: string }[];
}

/** A jira:adminPage: Jira settings around the app's Custom UI frame. */
export const renderAdminPage = (data: AdminPageData): string => {
  const content = html`<div class="jl-app-frame-page">
    <div class="jl-app-frame-page__header">
      <ol class="jl-breadcrumbs" aria-label="Breadcrumbs">
        <li>Jira settings</li>
        <li>Apps</li>
        <li><a href="${data.path}" aria-current="page">${data.title}</a></li>
      </ol>
    </div>
    <iframe
      class="jl-app-frame"
      title="${data.title}"
      data-forge-frame
      data-src="${data.frameUrl}"
      data-module-key="${data.moduleKey}"
      data-resource-key="${data.resourceKey}"
      data-history-base="${data.historyBase}"
    ></iframe>
  </div>`;
  return renderChrome({
    title: data.title,
    section: 'apps',
    user: data.user,
    users: data.users,
    path: data.path,
    sidenav: settingsSidenav({ appPages: data.appPages, currentHref: data.path }),
    content,
  });
};
