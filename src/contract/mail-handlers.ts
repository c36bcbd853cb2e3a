import * as z from 'zod/mini';

import { CREDENTIAL_ID_PATTERN } from './credential-kinds';
import { parseEmailAddress } from './email-address';
import {
  DEFAULT_SUBJECT_KEY_PATTERN,
  DOMAIN_MESSAGE,
  MAIL_HANDLER_ID_PATTERN,
  normaliseDomain,
  subjectKeyPatternProblem,
} from './mail-handler-rules';
import { ACCOUNT_ID_PATTERN } from './recipient-input';

export { DEFAULT_SUBJECT_KEY_PATTERN, issueKeyInSubject, MAIL_HANDLER_ID_PATTERN } from './mail-handler-rules';

/**
 * A mail handler: which mailbox folder the app reads, and what it does with each message (issue 15). One schema
 * for the admin page's inline validation and the resolver.
 */

/** Create issues from new mail and comment on replies, or comment on replies only. */
export const MAIL_HANDLER_MODES = ['issues-and-comments', 'comments-only'] as const;
export type MailHandlerMode = (typeof MAIL_HANDLER_MODES)[number];

/** Who may write in: anyone, senders whose address is a Jira user's, or senders of listed domains. */
export const SENDER_POLICIES = ['anyone', 'jira-users', 'domains'] as const;
export type SenderPolicy = (typeof SENDER_POLICIES)[number];

/** What happens to a processed message: marked read and moved to a folder the handler creates, or left as it is. */
export const AFTER_PROCESSING = ['move', 'leave'] as const;
export type AfterProcessing = (typeof AFTER_PROCESSING)[number];

export const DEFAULT_HANDLER_FOLDER = 'Inbox';
export const DEFAULT_PROCESSED_FOLDER = 'Processed by Issue Mailer';
export const MAX_MAIL_HANDLERS = 20;
export const MAX_HANDLER_DOMAINS = 50;
/**
 * "Take mail from the last N days" when the handler connects: 0 is from now on. Graph returns at most 5,000
 * messages to a delta round filtered by receivedDateTime (https://learn.microsoft.com/en-us/graph/delta-query-messages,
 * /work/notes/i15/graph-inbound.md section 2); 30 days keeps a busy mailbox's backlog near that cap.
 */
export const MAX_BACKFILL_DAYS = 30;
export const BACKFILL_CAP_MESSAGES = 5000;
export const DEFAULT_SENDER_HOURLY_LIMIT = 20;
export const MAX_SENDER_HOURLY_LIMIT = 1000;

export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,254}$/;
export const ISSUE_TYPE_ID_PATTERN = /^[0-9]{1,18}$/;

/** A mail folder's display name: no control characters, and no path (Graph names one folder, not a path). */
const FOLDER_NAME = /^[^\p{Cc}/\\]{1,255}$/u;
const FOLDER_MESSAGE = 'Enter a folder name of at most 255 characters, without / or \\.';

const folderName = (emptyMessage: string) =>
  z.string().check(z.trim(), z.minLength(1, emptyMessage), z.regex(FOLDER_NAME, FOLDER_MESSAGE));

/** A bare address (no display name), as Graph's /users/{id} takes it. */
const isPlainAddress = (value: string): boolean => {
  const parsed = parseEmailAddress(value);
  return parsed.ok && parsed.value.address === value;
};

const count = (min: number, max: number, message: string) =>
  z.int({ error: message }).check(z.gte(min, message), z.lte(max, message));

const fields = {
  /** Absent when creating. */
  id: z.optional(z.string().check(z.regex(MAIL_HANDLER_ID_PATTERN, 'Not a mail handler id.'))),
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter a name, for example "Support inbox".'),
      z.maxLength(80, 'Keep the name under 80 characters.'),
    ),
  enabled: z.boolean({ error: 'Say whether the handler is on.' }),
  credentialId: z.string().check(z.regex(CREDENTIAL_ID_PATTERN, 'Choose the credential that reads the mailbox.')),
  /** Another mailbox the credential may read; absent or '' is the credential's sender mailbox. */
  mailbox: z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(320, 'Enter the mailbox address, for example help@contoso.com.'),
      z.refine((value) => value === '' || isPlainAddress(value), {
        error: 'Enter the mailbox address, for example help@contoso.com.',
      }),
    ),
  ),
  folder: z._default(folderName('Enter the folder to read, usually Inbox.'), DEFAULT_HANDLER_FOLDER),
  mode: z.enum(MAIL_HANDLER_MODES, 'Choose what the handler does with new mail.'),
  /** Where new issues go: required when the handler creates issues. */
  projectKey: z.optional(z.string().check(z.regex(PROJECT_KEY_PATTERN, 'Choose a project.'))),
  issueTypeId: z.optional(z.string().check(z.regex(ISSUE_TYPE_ID_PATTERN, 'Choose an issue type.'))),
  senders: z.enum(SENDER_POLICIES, 'Choose who may write in.'),
  /** For `senders: 'domains'`: lower-cased, without `@`. */
  allowedDomains: z._default(
    z
      .array(
        z.pipe(
          z.string(),
          z.transform((value, ctx) => {
            const domain = normaliseDomain(value);
            if (domain === undefined) ctx.issues.push({ code: 'custom', message: DOMAIN_MESSAGE, input: value });
            return domain ?? value;
          }),
        ),
      )
      .check(z.maxLength(MAX_HANDLER_DOMAINS, `List at most ${MAX_HANDLER_DOMAINS} domains.`)),
    [],
  ),
  /**
   * The reporter of a new issue when no Jira user has the sender's address; the sender's name and address are kept
   * on the issue either way. Required when the handler creates issues.
   */
  defaultReporter: z.optional(
    z.strictObject({
      accountId: z.string().check(z.regex(ACCOUNT_ID_PATTERN, 'Choose the default reporter.')),
      displayName: z.string().check(z.trim(), z.maxLength(255)),
    }),
  ),
  afterProcessing: z.enum(AFTER_PROCESSING, 'Choose what happens to a processed message.'),
  processedFolder: z._default(folderName('Enter the folder processed messages move to.'), DEFAULT_PROCESSED_FOLDER),
  /** Finds the issue key in a subject: capture group 1 (mail-handler-rules.ts). */
  subjectKeyPattern: z._default(
    z.string().check(
      z.refine((value) => subjectKeyPatternProblem(value) === undefined, {
        error: (issue) => subjectKeyPatternProblem(String(issue.input)) ?? 'Check the pattern.',
      }),
    ),
    DEFAULT_SUBJECT_KEY_PATTERN,
  ),
  backfillDays: z._default(
    count(0, MAX_BACKFILL_DAYS, `Enter a number of days from 0 (from now on) to ${MAX_BACKFILL_DAYS}.`),
    0,
  ),
  senderHourlyLimit: z._default(
    count(1, MAX_SENDER_HOURLY_LIMIT, `Enter a number of messages from 1 to ${MAX_SENDER_HOURLY_LIMIT}.`),
    DEFAULT_SENDER_HOURLY_LIMIT,
  ),
};

type HandlerFields = { [K in keyof typeof fields]?: unknown };

export const PROJECT_REQUIRED_MESSAGE = 'Choose the project new issues are created in.';
export const ISSUE_TYPE_REQUIRED_MESSAGE = 'Choose the issue type of new issues.';
export const REPORTER_REQUIRED_MESSAGE = 'Choose who reports a new issue when the sender is no Jira user.';
export const DOMAINS_REQUIRED_MESSAGE = 'List at least one domain, such as contoso.com.';
export const SAME_FOLDER_MESSAGE =
  'Choose another folder than the one the handler reads: a message moved there would be read again.';

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The rules between fields; runs even when another field failed, so every message shows at once. */
const crossFieldProblems = (input: HandlerFields): Array<[keyof typeof fields, string]> => {
  const problems: Array<[keyof typeof fields, string]> = [];
  if (input.mode === 'issues-and-comments') {
    if (input.projectKey === undefined || input.projectKey === '')
      problems.push(['projectKey', PROJECT_REQUIRED_MESSAGE]);
    if (input.issueTypeId === undefined || input.issueTypeId === '')
      problems.push(['issueTypeId', ISSUE_TYPE_REQUIRED_MESSAGE]);
    if (input.defaultReporter === undefined) problems.push(['defaultReporter', REPORTER_REQUIRED_MESSAGE]);
  }
  if (input.senders === 'domains' && (!Array.isArray(input.allowedDomains) || input.allowedDomains.length === 0)) {
    problems.push(['allowedDomains', DOMAINS_REQUIRED_MESSAGE]);
  }
  if (input.afterProcessing === 'move' && same(input.processedFolder, input.folder ?? DEFAULT_HANDLER_FOLDER)) {
    problems.push(['processedFolder', SAME_FOLDER_MESSAGE]);
  }
  return problems;
};

export const mailHandlerInputSchema = z.strictObject(fields).check(
  z.superRefine(
    (input, ctx) => {
      for (const [field, message] of crossFieldProblems(input)) {
        if (ctx.issues.some((issue) => issue.path?.[0] === field)) continue;
        ctx.addIssue({ code: 'custom', message, path: [field], input: (input as HandlerFields)[field] });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  ),
);

export type MailHandlerInput = z.input<typeof mailHandlerInputSchema>;
export type ParsedMailHandlerInput = z.output<typeof mailHandlerInputSchema>;

/** A saved handler, as stored and as the admin page shows it. */
export interface MailHandlerView {
  id: string;
  name: string;
  enabled: boolean;
  credentialId: string;
  /** Absent: the credential's sender mailbox. */
  mailbox?: string;
  folder: string;
  mode: MailHandlerMode;
  projectKey?: string;
  issueTypeId?: string;
  senders: SenderPolicy;
  allowedDomains: string[];
  defaultReporter?: JiraUserRef;
  afterProcessing: AfterProcessing;
  processedFolder: string;
  subjectKeyPattern: string;
  backfillDays: number;
  senderHourlyLimit: number;
  createdAt: string;
  updatedAt: string;
}

export const mailHandlerIdSchema = z.strictObject({
  id: z.string().check(z.regex(MAIL_HANDLER_ID_PATTERN, 'Not a mail handler id.')),
});

export const issueTypesQuerySchema = z.strictObject({
  projectKey: z.string().check(z.regex(PROJECT_KEY_PATTERN, 'Choose a project.')),
});

export const reporterQuerySchema = z.strictObject({
  query: z.string().check(z.trim(), z.minLength(1, 'Type a name.'), z.maxLength(100, 'Type at most 100 characters.')),
});

/** An issue type a handler may create (sub-tasks left out: they need a parent). */
export interface IssueTypeRef {
  id: string;
  name: string;
}

/** A Jira user picked as the default reporter. */
export interface JiraUserRef {
  accountId: string;
  displayName: string;
}

/** Why one check of Test could not answer. */
export const HANDLER_CHECK_FAILURES = [
  'mailbox-not-found',
  'folder-not-found',
  'access-denied',
  'unavailable',
] as const;
export type HandlerCheckFailure = (typeof HANDLER_CHECK_FAILURES)[number];

/** One check of Test: its answer, or why it has none (`message` is safe to show). */
export type HandlerCheck<T> = { ok: true; data: T } | { ok: false; reason: HandlerCheckFailure; message: string };

export interface HandlerFolderState {
  displayName: string;
  unreadCount: number;
  totalCount: number;
}

/**
 * How the handler hears of new mail: a change-notification subscription on the folder's messages (Microsoft 365),
 * or, where the mail service pushes nothing the app can receive (Gmail's push needs Cloud Pub/Sub), the mailbox read
 * every `everyMinutes` by the incoming upkeep.
 */
export type HandlerSubscriptionState =
  | { status: 'active'; expiresAt: string }
  | { status: 'expired'; expiredAt: string }
  | { status: 'none' }
  | { status: 'polled'; everyMinutes: number };

/** What Test shows: the folder read with its unread count, the processed folder, and the subscription's state. */
export interface MailHandlerTestResult {
  testedAt: string;
  /** The mailbox read: the handler's, or its credential's sender mailbox. */
  mailbox: string;
  folder: HandlerCheck<HandlerFolderState>;
  /** Only when processed messages move: found, or created by this test. */
  processedFolder?: HandlerCheck<{ displayName: string; created: boolean }>;
  subscription: HandlerCheck<HandlerSubscriptionState>;
}

/** The field schemas and the rules between fields. */
export { crossFieldProblems as mailHandlerCrossFieldProblems, fields as mailHandlerFieldSchemas };
