import type { AttachmentOption, SendPermission } from '../../../src/contract/issue-email';
import { type ContentValues, initialContent } from '../../../static/issue-action/src/content-state';
import { addTokens, commitAll, emptyRecipients, typeText } from '../../../static/issue-action/src/recipient-state';
import { sendBlockers, type SendCheck, SHOWN_ELSEWHERE } from '../../../static/issue-action/src/send-rules';

const MB = 1024 * 1024;
const ATTACHMENTS: AttachmentOption[] = [
  { id: '10001', filename: 'trace.log', size: 100 * MB, mimeType: 'text/plain' },
  { id: '10002', filename: 'dump.zip', size: 60 * MB, mimeType: 'application/zip' },
  { id: '10003', filename: 'screen.png', size: 2 * MB, mimeType: 'image/png' },
];

const base = (): SendCheck => ({
  draft: {
    permission: { allowed: true },
    senderMailbox: 'support@contoso.com',
    maxMessageBytes: 150 * MB,
    attachments: ATTACHMENTS,
  },
  recipients: addTokens(emptyRecipients(), 'to', ['jane@example.com']),
  subject: '[DEMO-1] Login fails',
  content: initialContent({ defaultTemplateId: 'builtin' }),
});

const content = (patch: Partial<ContentValues>) => ({ ...base().content, ...patch });
const kinds = (check: SendCheck) => sendBlockers(check).map((blocker) => blocker.kind);

describe('sendBlockers', () => {
  it('lets a complete email go', () => {
    expect(sendBlockers(base())).toEqual([]);
  });

  it.each<[string, Partial<SendCheck>, string, string]>([
    [
      'no To',
      { recipients: addTokens(emptyRecipients(), 'cc', ['al@example.com']) },
      'no-recipient',
      'Add at least one recipient in To.',
    ],
    [
      'only an invalid To',
      { recipients: addTokens(emptyRecipients(), 'to', ['nope']) },
      'invalid-address',
      'Correct or remove the invalid address.',
    ],
    ['a blank subject', { subject: '   ' }, 'subject', 'Enter a subject.'],
    [
      'Latest 0',
      { content: content({ comments: 'latest', latestComments: '0' }) },
      'comments',
      'Comments: Enter a number from 1 to 50.',
    ],
    [
      'Latest 51',
      { content: content({ comments: 'latest', latestComments: '51' }) },
      'comments',
      'Comments: Enter a number from 1 to 50.',
    ],
    [
      'Latest empty',
      { content: content({ comments: 'latest', latestComments: '' }) },
      'comments',
      'Comments: Enter a number from 1 to 50.',
    ],
    [
      'too large',
      { content: content({ attachmentIds: ['10001', '10002'] }) },
      'too-large',
      'Leave out attachments: at most 150 MB can be sent.',
    ],
  ])('blocks %s', (_case, patch, kind, message) => {
    expect(sendBlockers({ ...base(), ...patch })[0]).toEqual({ kind, message });
  });

  it.each<[string, SendPermission]>([
    ['not allowed', { allowed: false, reason: 'Only members of jira-support may email issues.' }],
  ])('puts the permission first, with its reason verbatim (%s)', (_case, permission) => {
    const check = { ...base(), draft: { ...base().draft, permission }, subject: '' };
    expect(sendBlockers(check)).toEqual([
      { kind: 'permission', message: 'Only members of jira-support may email issues.' },
      { kind: 'subject', message: 'Enter a subject.' },
    ]);
  });

  it('blocks without a sender mailbox', () => {
    expect(kinds({ ...base(), draft: { ...base().draft, senderMailbox: null } })).toEqual(['mailbox']);
    expect([...SHOWN_ELSEWHERE].sort()).toEqual(['mailbox', 'permission']);
  });

  it.each([
    ['cc', 'jan', 'Finish the address in Cc, or pick a suggestion.'],
    ['bcc', 'al@exa mple', 'Finish the address in Bcc, or pick a suggestion.'],
  ] as const)('blocks half-typed bad text in %s without calling it invalid', (field, text, message) => {
    const typed = typeText(addTokens(emptyRecipients(), 'to', ['jane@example.com']), field, text);
    expect(sendBlockers({ ...base(), recipients: typed })).toEqual([{ kind: 'unfinished-address', message }]);
    expect(sendBlockers({ ...base(), recipients: commitAll(typed) })).toEqual([
      { kind: 'invalid-address', message: 'Correct or remove the invalid address.' },
    ]);
  });

  it('counts typed valid text as a To recipient', () => {
    const typed = typeText(emptyRecipients(), 'to', 'jane@example.com');
    expect(typed.chips.to).toEqual([]);
    expect(sendBlockers({ ...base(), recipients: typed })).toEqual([]);
  });

  it('does not count typed text twice when it repeats an invalid chip', () => {
    const typed = typeText(addTokens(emptyRecipients(), 'to', ['jane@example.com', 'oops']), 'to', 'OOPS');
    expect(kinds({ ...base(), recipients: typed })).toEqual(['invalid-address']);
  });

  it('counts recipients past the cap that are still being typed', () => {
    const many = Array.from({ length: 500 }, (_, i) => `p${i}@example.com`);
    const typed = typeText(addTokens(emptyRecipients(), 'to', many), 'cc', 'one-more@example.com');
    // Committing would leave it out; sending must not drop it silently.
    expect(sendBlockers({ ...base(), recipients: typed })).toEqual([
      { kind: 'too-many-recipients', message: 'A message can have at most 500 recipients (To, Cc and Bcc together).' },
    ]);
    expect(kinds({ ...base(), recipients: typeText(typed, 'cc', 'P1@example.com') })).toEqual([]);
  });

  it('says how many addresses are invalid', () => {
    const recipients = addTokens(emptyRecipients(), 'to', ['jane@example.com', 'x', 'y']);
    expect(sendBlockers({ ...base(), recipients })).toEqual([
      { kind: 'invalid-address', message: 'Correct or remove the 2 invalid addresses.' },
    ]);
  });

  it('ignores the Latest number unless Latest is chosen', () => {
    expect(sendBlockers({ ...base(), content: content({ comments: 'all', latestComments: '0' }) })).toEqual([]);
  });

  it('allows exactly the size limit', () => {
    const check = {
      ...base(),
      draft: { ...base().draft, maxMessageBytes: 102 * MB },
      content: content({ attachmentIds: ['10001', '10003'] }),
    };
    expect(sendBlockers(check)).toEqual([]);
    expect(kinds({ ...check, draft: { ...check.draft, maxMessageBytes: 102 * MB - 1 } })).toEqual(['too-large']);
  });

  it('refuses more than 100 attachments', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: String(20000 + i),
      filename: `f${i}.txt`,
      size: 1,
      mimeType: 'text/plain',
    }));
    const check = {
      ...base(),
      draft: { ...base().draft, attachments: many },
      content: content({ attachmentIds: many.map((a) => a.id) }),
    };
    expect(sendBlockers(check)).toEqual([{ kind: 'too-many-attachments', message: 'Attach at most 100 files.' }]);
  });

  it('lists every reason, most fundamental first', () => {
    const check: SendCheck = {
      draft: { ...base().draft, permission: { allowed: false, reason: 'No.' }, senderMailbox: null },
      recipients: addTokens(emptyRecipients(), 'cc', ['bad']),
      subject: '',
      content: content({ comments: 'latest', latestComments: 'x', attachmentIds: ['10001', '10002'] }),
    };
    expect(kinds(check)).toEqual([
      'permission',
      'mailbox',
      'invalid-address',
      'no-recipient',
      'subject',
      'comments',
      'too-large',
    ]);
  });
});
