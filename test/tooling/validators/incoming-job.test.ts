import { validateIncomingJob } from '../../../src/generated/incoming-job';
import { incomingJobSchema } from '../../../src/incoming/notifications/incoming-job-schema';
import { type StandaloneValidate, standaloneValidator } from '../../../src/shared/validator';
import { expectSameVerdicts, type Sample } from './same-verdict';

const samples: Sample[] = [
  ['notified', { kind: 'notified', handlerId: 'h-1', messageIds: ['AAMk-1', 'AAMk-2'] }],
  [
    'a message, processed again',
    { kind: 'message', handlerId: 'h-1', messageId: 'AAMk-1', processAgain: true, attempt: 3 },
  ],
  [
    'Process again with its record',
    { kind: 'message', handlerId: 'h-1', messageId: 'AAMk-1', processAgain: true, messageKey: 'a'.repeat(64) },
  ],
  [
    'a record key that is no digest',
    { kind: 'message', handlerId: 'h-1', graphMessageId: 'AAMk-1', messageKey: 'in:abc' },
  ],
  ['lifecycle', { kind: 'lifecycle', handlerId: 'h-1', subscriptionId: 's-1', event: 'reauthorizationRequired' }],
  ['unknown keys, stripped', { kind: 'delta', handlerId: 'h-1', extra: 1 }],
  ['an unknown kind', { kind: 'resend', handlerId: 'h-1' }],
  ['an unknown lifecycle event', { kind: 'lifecycle', handlerId: 'h-1', subscriptionId: 's-1', event: 'created' }],
  ['51 message ids', { kind: 'notified', handlerId: 'h-1', messageIds: Array.from({ length: 51 }, (_, n) => `m${n}`) }],
  ['a handler id with capitals', { kind: 'delta', handlerId: 'H-1' }],
  ['a negative attempt', { kind: 'message', handlerId: 'h-1', messageId: 'AAMk-1', attempt: -1 }],
  ['a message queued before the rename', { kind: 'message', handlerId: 'h-1', graphMessageId: 'AAMk-1', attempt: 1 }],
  ['an empty message id', { kind: 'message', handlerId: 'h-1', messageId: '' }],
  ['null', null],
];

describe('the generated incoming job validator judges as incomingJobSchema', () => {
  expectSameVerdicts(incomingJobSchema, standaloneValidator(validateIncomingJob as StandaloneValidate), samples);
});
