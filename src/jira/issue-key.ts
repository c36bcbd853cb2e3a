/** A Jira issue key as Jira makes them (PROJECT-123); a module of its own so a check of it loads no Jira client. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/;
