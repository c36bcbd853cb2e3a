import type { MailHandlerView } from '../../../src/contract';
import {
  emptyHandlerValues,
  handlerErrorsFrom,
  handlerValuesFrom,
  toHandlerInput,
  validateHandler,
} from '../../../static/admin/src/mail-handlers/mail-handler-state';

const filled = () => ({
  ...emptyHandlerValues('cred-1'),
  name: 'Support inbox',
  projectKey: 'DEMO',
  issueTypeId: '10001',
  defaultReporter: { accountId: 'abc-1', displayName: 'Sam Rivera' },
});

describe('mail handler form state', () => {
  it('sends what the controls hold: domains split, numbers as numbers, no other mailbox unless chosen', () => {
    const input = toHandlerInput(
      {
        ...filled(),
        senders: 'domains',
        allowedDomains: 'contoso.com,\n@fabrikam.com',
        mailbox: 'x@y.com',
        backfillDays: '2',
      },
      undefined,
    );
    expect(input).toMatchObject({
      allowedDomains: ['contoso.com', '@fabrikam.com'],
      backfillDays: 2,
      senderHourlyLimit: 20,
    });
    expect(input).not.toHaveProperty('mailbox');
    expect(validateHandler(input)).toEqual({});
  });

  it("shows the contract's messages on their fields before a round trip", () => {
    const errors = validateHandler(
      toHandlerInput({ ...filled(), name: '', backfillDays: 'two', projectKey: '' }, undefined),
    );
    expect(errors).toEqual({
      name: 'Enter a name, for example "Support inbox".',
      backfillDays: 'Enter a number of days from 0 (from now on) to 30.',
      projectKey: 'Choose the project new issues are created in.',
    });
  });

  it('reads a saved handler back into the controls, and the backend messages onto the fields', () => {
    const view: MailHandlerView = {
      ...(toHandlerInput(filled(), 'h-1') as Omit<MailHandlerView, 'createdAt' | 'updatedAt'>),
      id: 'h-1',
      folder: 'Inbox',
      allowedDomains: [],
      mailbox: 'help@contoso.com',
      processedFolder: 'Processed by Issue Mailer',
      subjectKeyPattern: 'x',
      backfillDays: 0,
      senderHourlyLimit: 20,
      createdAt: '',
      updatedAt: '',
    };
    expect(handlerValuesFrom(view)).toMatchObject({
      mailboxChoice: 'other',
      mailbox: 'help@contoso.com',
      backfillDays: '0',
    });
    expect(
      handlerErrorsFrom({
        code: 'VALIDATION_FAILED',
        message: 'Check',
        fieldErrors: { folder: 'Taken', 'x.y': 'Other' },
      }),
    ).toEqual({ fields: { folder: 'Taken' }, other: ['Other'] });
  });
});
