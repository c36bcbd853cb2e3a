/** What the Automation action's configuration form offers. */
export interface AutomationActionOptions {
  templates: Array<{ id: string; name: string }>;
  /** Credential names; the first is the default. */
  mailboxes: Array<{ name: string; senderMailbox: string; isDefault: boolean }>;
}

/**
 * The Automation action's inputs as manifest.yml declares them (all strings: Automation resolves smart values such
 * as `{{issue.key}}` before it calls the action).
 */
export interface SendIssueEmailActionInputs {
  issueKey: string;
  /** Addresses and the words reporter, assignee, watchers, separated by commas or new lines. */
  recipients: string;
  /** A template's name; the project's default (else the built-in one) when empty. */
  template?: string;
  /** A credential's name or sender address; the default credential when empty. */
  mailbox?: string;
  message?: string;
}
