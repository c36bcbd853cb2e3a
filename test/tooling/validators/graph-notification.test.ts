import { notificationBatchSchema } from '../../../src/providers/microsoft/incoming/notifications/notification-schema';
import { validateNotificationBatch } from '../../../src/providers/microsoft/incoming/notifications/validate-notifications';
import { expectSameVerdicts, type Sample } from './same-verdict';

// The documented samples: a basic change notification and a lifecycle notification.
const created = {
  subscriptionId: 'c6126aa3-0ed8-412f-a988-71e6cee627c4',
  subscriptionExpirationDateTime: '2022-01-02T03:12:18.2257768+05:30',
  changeType: 'created',
  resource: 'Users/622eaaff-0683-4862-9de4-f2ec83c2bd98/Messages/AAMkAGUwNjQ4ZjIxAAA=',
  resourceData: {
    '@odata.type': '#Microsoft.Graph.Message',
    '@odata.id': 'Users/622eaaff-0683-4862-9de4-f2ec83c2bd98/Messages/AAMkAGUwNjQ4ZjIxAAA=',
    '@odata.etag': 'W/"CQAAABYAAACQ2fKdhq8oSKEDSVrdi3lRAAGDUUXn"',
    id: 'AAMkAGUwNjQ4ZjIxAAA=',
  },
  clientState: 'secretClientState',
  tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
};
const lifecycle = {
  subscriptionId: '5522bd62-7c96-4530-85b0-00b916f6151a',
  subscriptionExpirationDateTime: '2019-03-20T11:00:00.0000000Z',
  tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
  clientState: '<secretClientState>',
  lifecycleEvent: 'reauthorizationRequired',
};

const samples: Sample[] = [
  ['a change notification', { value: [created] }],
  ['a lifecycle notification', { value: [lifecycle] }],
  ['both in one POST', { value: [created, lifecycle] }],
  ['no notifications', { value: [] }],
  ['without a clientState', { value: [{ ...created, clientState: undefined }] }],
  ['a clientState of 256 characters', { value: [{ ...created, clientState: 'x'.repeat(256) }] }],
  ['an empty subscription id', { value: [{ ...created, subscriptionId: '' }] }],
  ['a subscription id that is a number', { value: [{ ...created, subscriptionId: 5 }] }],
  ['resourceData an array', { value: [{ ...created, resourceData: [] }] }],
  ['value not an array', { value: created }],
  ['no value', {}],
  ['null', null],
];

describe('the generated notification validator judges as notificationBatchSchema', () => {
  expectSameVerdicts(notificationBatchSchema, validateNotificationBatch, samples);
});
