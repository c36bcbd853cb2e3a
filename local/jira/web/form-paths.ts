/** Where Jira's create form lives (the "Create" button in the top bar leads here). */
export const CREATE_ISSUE_PATH = '/secure/CreateIssue.jspa';

/** The local Jira's form endpoints, all POST, all acting as the signed-in user (jira-forms.ts). */
export const JIRA_FORM_PATHS = {
  create: '/__host/jira/issue',
  comment: (issueKey: string) => `/__host/jira/issue/${encodeURIComponent(issueKey)}/comment`,
  transition: (issueKey: string) => `/__host/jira/issue/${encodeURIComponent(issueKey)}/transition`,
};
