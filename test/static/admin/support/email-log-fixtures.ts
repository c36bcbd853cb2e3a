import type { EmailLogEntry, EmailLogPage, EmailLogSummary, ResolverResult } from '../../../../src/contract';

/** Email ids are UUIDs; these count up so a test can name many. */
export const emailId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const summary = (n: number, overrides: Partial<EmailLogSummary> = {}): EmailLogSummary => ({
  emailId: emailId(n),
  createdAt: `2026-11-26T20:${String(n % 60).padStart(2, '0')}:00.000Z`,
  updatedAt: `2026-11-26T20:${String(n % 60).padStart(2, '0')}:05.000Z`,
  kind: 'issue',
  issueKey: `DEMO-${n}`,
  senderMailbox: 'jira@contoso.example',
  to: ['ana@contoso.example'],
  cc: [],
  bccCount: 0,
  subject: `[DEMO-${n}] Printer on fire`,
  status: 'sent',
  attempts: 1,
  requestedBy: { accountId: 'acc-1', name: 'Alex Admin' },
  canResend: false,
  ...overrides,
});

export const entry = (n: number, overrides: Partial<EmailLogEntry> = {}): EmailLogEntry => ({
  ...summary(n),
  events: [],
  attachmentCount: 0,
  ...overrides,
});

export const page = (items: EmailLogSummary[], cursor?: string): ResolverResult<EmailLogPage> => ({
  ok: true,
  data: cursor === undefined ? { items } : { items, cursor },
});
