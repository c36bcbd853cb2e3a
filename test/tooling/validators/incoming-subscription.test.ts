import { validateSubscriptionRecord } from '../../../src/generated/incoming-subscription';
import { subscriptionRecordSchema } from '../../../src/incoming/notifications/subscription-record-schema';
import { type StandaloneValidate, standaloneValidator } from '../../../src/shared/validator';
import { expectSameVerdicts, type Sample } from './same-verdict';

const record = {
  subscriptionId: 'c6126aa3-0ed8-412f-a988-71e6cee627c4',
  handlerId: 'h-1',
  clientStateDigest: 'a'.repeat(64),
  expiresAt: '2026-12-09T10:00:00Z',
};

const samples: Sample[] = [
  ['a record', record],
  ['unknown keys, stripped', { ...record, clientState: 'never stored' }],
  ['a digest that is not one', { ...record, clientStateDigest: 'secret' }],
  ['no handler', { ...record, handlerId: undefined }],
  ['null', null],
];

describe('the generated subscription record validator judges as subscriptionRecordSchema', () => {
  expectSameVerdicts(
    subscriptionRecordSchema,
    standaloneValidator(validateSubscriptionRecord as StandaloneValidate),
    samples,
  );
});
