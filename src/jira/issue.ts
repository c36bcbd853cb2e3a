/** What the email needs of a Jira issue, as the invoking user may see it. */
export interface IssueSnapshot {
  id: string;
  key: string;
  /** The REST URL of the issue; its origin is the site when the resolver context has no siteUrl. */
  self: string;
  summary: string;
  status: { name: string; categoryKey: string | undefined } | undefined;
  issueType: string | undefined;
  priority: string | undefined;
  assignee: string | undefined;
  reporter: string | undefined;
  /** ISO 8601 timestamps as Jira gives them. */
  created: string | undefined;
  updated: string | undefined;
  /** YYYY-MM-DD. */
  dueDate: string | undefined;
  labels: string[];
  components: string[];
  project: { key: string; name: string } | undefined;
  /** Jira's rendered HTML of the description. Untrusted: sanitize before use. */
  descriptionHtml: string | undefined;
}
