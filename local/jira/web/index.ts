/**
 * The local Jira's web UI: its pages (Your work, the issue view, Create, Jira settings, Automation, errors), its
 * forms, the REST API for the browser, the user switch and its stylesheet. The Forge host mounts it and puts the
 * app's frames in it; nothing here knows the host.
 */
export { readIssueTransitions } from './edit-reader';
export { createJiraForms, type JiraFormDeps } from './forms';
export { PAGE_CSP, sendHtml } from './page-response';
export { renderAdminPage } from './pages/admin-page';
export {
  type AutomationActionView,
  type AutomationOutcome,
  type AutomationRunView,
  OUTCOME_LABELS,
  renderAutomationPage,
  renderRunRow,
} from './pages/automation-page';
export { type PageUser, pageUser } from './pages/chrome';
export { renderErrorPage } from './pages/error-page';
export { renderHomePage } from './pages/home-page';
export { renderIssuePage } from './pages/issue-page';
export { forwardToJira } from './proxy';
export {
  type IssueExtension,
  type IssueListItem,
  type IssueView,
  readIssueExtension,
  readIssueList,
  readIssueView,
} from './reader';
export { createUserSession, NoUsersError, USER_COOKIE, type UserSession } from './session';
export { runAsSessionUser, type SessionRouteDeps } from './session-route';
export { readJiraWebCss } from './stylesheet';
