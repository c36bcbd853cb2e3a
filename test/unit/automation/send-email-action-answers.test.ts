import type { SendEmailActionDeps } from '../../../src/automation/send-email-action';
import { INTERNAL_MESSAGE } from '../../../src/messages/error-answers';
import { answerSendEmailAction } from '../../../src/resolvers/automation-action';
import { MailSettingsUnreadableError } from '../../../src/settings/mail-settings-store';
import { emailIdOf } from '../support/resolvers';
import { actionWorld, ACTOR } from './support/action-world';

describe('answerSendEmailAction', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('answers success with the email id, the issue key and how many it goes to', async () => {
    const { deps } = await actionWorld();
    const actors: string[] = [];
    await expect(
      answerSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com; bob@example.com' }, deps, async () => {
        actors.push('asked');
        return ACTOR;
      }),
    ).resolves.toEqual({
      success: true,
      emailId: emailIdOf(1),
      issueKey: 'DEMO-1',
      recipientCount: 2,
      message: 'Queued an email of DEMO-1 to ada@example.com, bob@example.com.',
    });
    expect(actors).toEqual(['asked']);
    expect(warn).not.toHaveBeenCalled();
  });

  it("answers an input error with its own message, for the rule's audit log", async () => {
    const { deps } = await actionWorld();
    await expect(
      answerSendEmailAction({ issueKey: 'DEMO-1', recipients: 'manager' }, deps, async () => ACTOR),
    ).resolves.toEqual({
      errors: [
        { message: '"manager" in "Recipients" is neither an email address nor reporter, assignee or watchers.' },
      ],
    });
    expect(warn.mock.calls).toEqual([
      ['[issue-mailer] Automation "Send issue email": ActionInputError AUTOMATION_INPUT_INVALID'],
    ]);
  });

  it("answers a known failure with the admin's message, never the error's own text", async () => {
    const { deps, state } = await actionWorld();
    await expect(
      answerSendEmailAction({ issueKey: 'DEMO-2', recipients: 'ada@example.com' }, deps, async () => ACTOR),
    ).resolves.toEqual({
      errors: [{ message: 'This issue was not found, or you do not have permission to see it.' }],
    });
    expect(warn.mock.calls).toEqual([['[issue-mailer] Automation "Send issue email": JiraError JIRA_ISSUE_NOT_FOUND']]);
    expect(state.enqueued).toEqual([]);
  });

  it('words a known failure for an admin, who can fix it, not for a sender', async () => {
    const { deps } = await actionWorld();
    deps.readSettings = async () => {
      throw new MailSettingsUnreadableError('whoMaySend: invalid');
    };
    await expect(
      answerSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, deps, async () => ACTOR),
    ).resolves.toEqual({
      errors: [
        {
          message:
            'The saved sending settings could not be read. Check them under Sending settings and save them again.',
        },
      ],
    });
  });

  it.each<[string, (deps: SendEmailActionDeps) => void, string]>([
    [
      'the outbox throwing',
      (deps) => {
        deps.enqueue = async () => {
          throw new Error('secret-token-123 in a platform message');
        };
      },
      'Error',
    ],
    [
      'reading the templates throwing a non-error',
      (deps) => {
        deps.listTemplates = async () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is the case under test
          throw 'secret-token-123';
        };
      },
      'string',
    ],
  ])('answers an unknown failure (%s) with the internal message only', async (_name, breakIt, label) => {
    const { deps } = await actionWorld();
    breakIt(deps);
    const answer = await answerSendEmailAction(
      { issueKey: 'DEMO-1', recipients: 'ada@example.com' },
      deps,
      async () => ACTOR,
    );
    expect(answer).toEqual({ errors: [{ message: INTERNAL_MESSAGE }] });
    expect(JSON.stringify(answer)).not.toContain('secret-token-123');
    expect(warn.mock.calls).toEqual([[`[issue-mailer] Automation "Send issue email": ${label}`]]);
  });

  it('answers with errors when the actor cannot be read, and sends nothing', async () => {
    const { deps, state } = await actionWorld();
    await expect(
      answerSendEmailAction({ issueKey: 'DEMO-1', recipients: 'ada@example.com' }, deps, async () => {
        throw new Error('GET /rest/api/3/myself failed');
      }),
    ).resolves.toEqual({ errors: [{ message: INTERNAL_MESSAGE }] });
    expect(state.enqueued).toEqual([]);
  });

  describe('answerSendEmailAction and validation failures', () => {
    it('explains a validation failure in words, not "the highlighted fields" the audit log does not have', async () => {
      const { deps } = await actionWorld();
      const recipients = Array.from({ length: 501 }, (_, index) => `person${index}@example.com`).join(', ');
      await expect(answerSendEmailAction({ issueKey: 'DEMO-1', recipients }, deps, async () => ACTOR)).resolves.toEqual(
        {
          errors: [{ message: 'A message can have at most 500 recipients in To, Cc and Bcc together.' }],
        },
      );
    });
  });
});
