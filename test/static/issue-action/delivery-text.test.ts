import type { EmailDeliveryView } from '../../../src/contract/email-log';
import { deliveryAppearance, deliveryNote, deliveryText } from '../../../static/issue-action/src/delivery-text';
import type { DeliveryProgress } from '../../../static/issue-action/src/delivery-tracker';
import { sendStage } from '../../../static/issue-action/src/send-stage';

const view = (patch: Partial<EmailDeliveryView>): EmailDeliveryView => ({
  emailId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  status: 'queued',
  attempts: 0,
  recipientCount: 2,
  ...patch,
});
const at = (hours: number, minutes: number, seconds: number) =>
  new Date(2026, 10, 12, hours, minutes, seconds).toISOString();
/** A read a second away: no note under the status. */
const SOON = { nextReadAt: Date.parse(at(21, 14, 1)), nextReadInMs: 1000 };
const throttled = { code: 'GRAPH_THROTTLED', message: 'Microsoft 365 asked to wait.' };
const refused = { code: 'GRAPH_INVALID_RECIPIENTS', message: 'Microsoft 365 refused the recipients.' };
const unreachable = { code: 'INTERNAL_ERROR', message: 'Issue Mailer could not reach its backend' };

const cases: [string, DeliveryProgress, string, ReturnType<typeof deliveryAppearance>, ReturnType<typeof sendStage>][] =
  [
    [
      'queued',
      { phase: 'following', ...SOON, view: view({}) },
      'Queued: waiting to be sent...',
      'progress',
      'following',
    ],
    [
      'sending',
      { phase: 'following', ...SOON, view: view({ status: 'sending', attempts: 1 }) },
      'Sending...',
      'progress',
      'following',
    ],
    [
      'retrying',
      {
        phase: 'following',
        ...SOON,
        view: view({ status: 'retrying', attempts: 1, nextAttemptAt: at(21, 14, 5), lastError: throttled }),
      },
      'Microsoft 365 asked to wait; trying again at 21:14:05 (attempt 2)',
      'progress',
      'following',
    ],
    [
      'retrying, third attempt next',
      { phase: 'following', ...SOON, view: view({ status: 'retrying', attempts: 2, nextAttemptAt: at(8, 0, 30) }) },
      'Microsoft 365 asked to wait; trying again at 08:00:30 (attempt 3)',
      'progress',
      'following',
    ],
    [
      'retrying, no time known',
      { phase: 'following', ...SOON, view: view({ status: 'retrying', attempts: 1 }) },
      'Microsoft 365 asked to wait; trying again soon (attempt 2)',
      'progress',
      'following',
    ],
    [
      'sent to 2',
      { phase: 'final', view: view({ status: 'sent', attempts: 1 }) },
      'Sent to 2 people',
      'success',
      'done',
    ],
    [
      'sent to 1',
      { phase: 'final', view: view({ status: 'sent', attempts: 1, recipientCount: 1 }) },
      'Sent to 1 person',
      'success',
      'done',
    ],
    [
      'failed',
      { phase: 'final', view: view({ status: 'failed', attempts: 3, lastError: refused }) },
      'Not sent: Microsoft 365 refused the recipients.',
      'error',
      'editing',
    ],
    ['failed, no message', { phase: 'final', view: view({ status: 'failed' }) }, 'Not sent.', 'error', 'editing'],
    [
      'timed out',
      { phase: 'timedOut', view: view({}) },
      "Still on its way. Its status is in the History tab and in the admin's email log.",
      'information',
      'done',
    ],
    [
      'unreadable',
      { phase: 'unreadable', view: view({ status: 'sending' }), error: unreachable },
      "Could not check on the email: Issue Mailer could not reach its backend. Its status is in the History tab and in the admin's email log.",
      'warning',
      'done',
    ],
  ];

describe('deliveryText, deliveryAppearance and sendStage', () => {
  it.each(cases)('%s', (_name, progress, text, appearance, stage) => {
    expect(deliveryText(progress)).toBe(text);
    expect(deliveryAppearance(progress)).toBe(appearance);
    expect(sendStage(progress)).toBe(stage);
  });

  it('is editing before anything was sent', () => {
    expect(sendStage(null)).toBe('editing');
  });
});

describe('deliveryNote', () => {
  it('says the email is still being sent, and when the dialog checks again, once the next read is 5 s away or more', () => {
    const sending = view({ status: 'sending', attempts: 1 });
    const next = (nextReadInMs: number) => ({
      phase: 'following' as const,
      view: sending,
      nextReadAt: Date.parse(at(21, 14, 35)),
      nextReadInMs,
    });
    expect(deliveryNote(next(3000))).toBeNull();
    expect(deliveryNote(next(5000))).toBe('Still being sent; checking again at 21:14:35.');
    expect(deliveryNote(next(30_000))).toBe('Still being sent; checking again at 21:14:35.');
    expect(deliveryNote({ phase: 'final', view: view({ status: 'sent' }) })).toBeNull();
    expect(deliveryNote({ phase: 'timedOut', view: sending })).toBeNull();
  });
});
