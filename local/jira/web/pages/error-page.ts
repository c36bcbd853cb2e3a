import { type PageUser, projectSidenav, renderChrome, SITE_PROJECT } from './chrome';
import { html } from './html';

export interface ErrorPageData {
  user: PageUser;
  users: PageUser[];
  path: string;
  title: string;
  message: string;
}

export const renderErrorPage = (data: ErrorPageData): string =>
  renderChrome({
    title: data.title,
    section: 'home',
    user: data.user,
    users: data.users,
    path: data.path,
    sidenav: projectSidenav(SITE_PROJECT),
    content: html`<div class="jl-error-page">
      <h1>${data.title}</h1>
      <p>${data.message}</p>
      <p><a href="/">Go to Your work</a></p>
    </div>`,
  });
