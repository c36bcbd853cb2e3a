/** What the Automation action's configuration form offers. */
export interface AutomationActionOptions {
  templates: Array<{ id: string; name: string }>;
  /** Credential names; the first is the default. */
  mailboxes: Array<{ name: string; senderMailbox: string; isDefault: boolean }>;
}
