import * as generated from '../../../src/generated/inbound-answers';
import {
  attachmentListSchema,
  deltaPageSchema,
  inboundMessageSchema,
  mailFolderListSchema,
  mailFolderSchema,
  movedMessageSchema,
  subscriptionSchema,
} from '../../../src/providers/microsoft/graph/inbound-answer-schemas';
import { type StandaloneValidate, standaloneValidator } from '../../../src/shared/validator';
import { expectSameVerdicts, type Sample } from './same-verdict';

const read = (name: keyof typeof generated) =>
  standaloneValidator<unknown>(generated[name] as unknown as StandaloneValidate);

const folder = { id: 'f', displayName: 'Inbox', parentFolderId: null, unreadItemCount: 2, totalItemCount: 9 };

describe('mail folders', () => {
  expectSameVerdicts(mailFolderSchema, read('validateMailFolder'), [
    ['a folder', { ...folder, childFolderCount: 0, isHidden: false }],
    ['only an id', { id: 'f' }],
    ['null counts', { id: 'f', unreadItemCount: null }],
    ['a count that is a string', { id: 'f', totalItemCount: '9' }],
    ['an empty id', { id: '' }],
    ['no id after a bad name', { displayName: 5 }],
  ] satisfies Sample[]);
  expectSameVerdicts(mailFolderListSchema, read('validateMailFolderList'), [
    ['a list', { value: [folder, { id: 'g' }], '@odata.context': 'c' }],
    ['an empty list', { value: [] }],
    ['a folder without id', { value: [{ displayName: 'x' }] }],
    ['no value', {}],
  ] satisfies Sample[]);
});

describe('subscriptions', () => {
  const subscription = {
    id: 's',
    resource: "users/a/mailFolders('inbox')/messages",
    changeType: 'created',
    expirationDateTime: '2030-01-01T00:00:00Z',
    notificationUrl: 'https://n',
    lifecycleNotificationUrl: null,
    clientState: 'c',
    includeResourceData: null,
  };
  expectSameVerdicts(subscriptionSchema, read('validateSubscription'), [
    ['a subscription', subscription],
    ['no urls', { ...subscription, notificationUrl: undefined, lifecycleNotificationUrl: undefined }],
    ['no expiry', { ...subscription, expirationDateTime: undefined }],
    ['an empty expiry', { ...subscription, expirationDateTime: '' }],
    ['a changeType that is a list', { ...subscription, changeType: ['created'] }],
    ['an url that is a number', { ...subscription, notificationUrl: 1 }],
  ] satisfies Sample[]);
});

describe('delta pages', () => {
  expectSameVerdicts(deltaPageSchema, read('validateDeltaPage'), [
    [
      'messages and a removed one',
      {
        '@odata.deltaLink': 'https://d',
        value: [
          { id: 'a', receivedDateTime: 'r', internetMessageId: '<m>', subject: 's', '@odata.etag': 'e' },
          { id: 'b', '@removed': { reason: 'deleted' } },
          { id: 'c', '@removed': {} },
        ],
      },
    ],
    ['a next link', { '@odata.nextLink': 'https://n', value: [] }],
    ['a removed that is a string', { value: [{ id: 'b', '@removed': 'deleted' }] }],
    ['a reason that is a number', { value: [{ id: 'b', '@removed': { reason: 1 } }] }],
    ['an entry without id', { value: [{ subject: 's' }] }],
    ['a link that is a number', { value: [], '@odata.deltaLink': 1 }],
    ['no value', { '@odata.deltaLink': 'https://d' }],
  ] satisfies Sample[]);
});

describe('incoming messages', () => {
  const message = {
    id: 'm',
    internetMessageId: '<m@x>',
    conversationId: 'c',
    subject: 's',
    from: { emailAddress: { name: 'A', address: 'a@x' } },
    sender: { emailAddress: { address: 'a@x' } },
    toRecipients: [{ emailAddress: { name: 'B', address: 'b@x' } }],
    ccRecipients: [],
    replyTo: null,
    receivedDateTime: '2030-01-01T00:00:00Z',
    internetMessageHeaders: [{ name: 'In-Reply-To', value: '<o@x>' }],
    body: { contentType: 'html', content: '<p>x</p>' },
    uniqueBody: { contentType: 'html', content: '<p>x</p>' },
    hasAttachments: true,
    isRead: false,
    bodyPreview: 'x',
  };
  expectSameVerdicts(inboundMessageSchema, read('validateInboundMessage'), [
    ['a message', message],
    ['only an id', { id: 'm' }],
    ['null lists (the reader drops them first)', { id: 'm', toRecipients: null, internetMessageHeaders: null }],
    ['a recipient without address', { id: 'm', toRecipients: [{}] }],
    ['a header without value', { id: 'm', internetMessageHeaders: [{ name: 'x' }] }],
    ['a body without content', { ...message, body: { contentType: 'text' } }],
    ['an address that is a number', { ...message, from: { emailAddress: { address: 1 } } }],
    ['isRead a string', { ...message, isRead: 'no' }],
    ['hasAttachments a number after a bad subject', { ...message, subject: 1, hasAttachments: 1 }],
    ['no id', { subject: 's' }],
  ] satisfies Sample[]);
});

describe('attachments and moves', () => {
  const attachment = {
    '@odata.type': '#microsoft.graph.fileAttachment',
    id: 'a',
    name: 'n.pdf',
    contentType: 'application/pdf',
    size: 5,
    isInline: false,
    contentId: null,
    contentBytes: 'AAAA',
  };
  expectSameVerdicts(attachmentListSchema, read('validateAttachmentList'), [
    ['a list', { value: [attachment, { id: 'b' }], '@odata.nextLink': 'https://n' }],
    ['a size that is a string', { value: [{ ...attachment, size: '5' }] }],
    ['an inline flag that is a string', { value: [{ ...attachment, isInline: 'yes' }] }],
    ['a type that is a number', { value: [{ ...attachment, '@odata.type': 1 }] }],
    ['no value', {}],
  ] satisfies Sample[]);
  expectSameVerdicts(movedMessageSchema, read('validateMovedMessage'), [
    ['a moved message', { id: 'n', parentFolderId: 'p' }],
    ['no id', { parentFolderId: 'p' }],
    ['an empty id', { id: '' }],
  ] satisfies Sample[]);
});
