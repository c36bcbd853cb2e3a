import type { IncomingMessage } from '../../../../../src/mail-model/incoming-message';
import {
  listAttachments,
  MESSAGE_FIELDS,
  readInboundMessage,
} from '../../../../../src/providers/microsoft/graph/inbound-message';
import { type Answer, graphError, json, USER } from './graph-fakes';
import { failureOf, inboundSetup, MAILBOX, PREFER_IMMUTABLE, queryOf } from './inbound-setup';

const ID = 'AAMkADhAAAW-VPeAAA=';
const MESSAGE_URL = `${USER}/messages/AAMkADhAAAW-VPeAAA%3D`;

/** message-get Example 2's headers (as the reference fixture gives them), with the other fields the worker reads. */
const answer = {
  '@odata.etag': 'W/"FwAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/0tB"',
  id: ID,
  subject: 'Automatic reply: Meet for lunch?',
  from: { emailAddress: { name: 'Adele Vance', address: 'adelev@contoso.OnMicrosoft.com' } },
  sender: { emailAddress: { name: 'Adele Vance', address: 'adelev@contoso.OnMicrosoft.com' } },
  toRecipients: [{ emailAddress: { name: 'Support', address: 'support@contoso.com' } }],
  ccRecipients: [{ emailAddress: { address: 'cc@example.com' } }],
  replyTo: [],
  internetMessageId: '<MWHPR6E1BE061@MWHPR1120.namprd22.prod.outlook.com>',
  conversationId: 'AAQkConv=',
  receivedDateTime: '2030-06-01T10:05:00Z',
  internetMessageHeaders: [
    { name: 'MIME-Version', value: '1.0' },
    { name: 'In-Reply-To', value: '<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>' },
    { name: 'Auto-Submitted', value: 'auto-replied' },
  ],
  body: { contentType: 'html', content: '<p>Out of office</p>' },
  uniqueBody: { contentType: 'html', content: '<p>Out of office</p>' },
  hasAttachments: false,
  isRead: false,
};

const message: IncomingMessage = {
  id: ID,
  internetMessageId: '<MWHPR6E1BE061@MWHPR1120.namprd22.prod.outlook.com>',
  conversationId: 'AAQkConv=',
  subject: 'Automatic reply: Meet for lunch?',
  from: { name: 'Adele Vance', address: 'adelev@contoso.OnMicrosoft.com' },
  sender: { name: 'Adele Vance', address: 'adelev@contoso.OnMicrosoft.com' },
  toRecipients: [{ name: 'Support', address: 'support@contoso.com' }],
  ccRecipients: [{ name: undefined, address: 'cc@example.com' }],
  replyTo: [],
  receivedDateTime: '2030-06-01T10:05:00Z',
  internetMessageHeaders: answer.internetMessageHeaders,
  body: { contentType: 'html', content: '<p>Out of office</p>' },
  uniqueBody: { contentType: 'html', content: '<p>Out of office</p>' },
  hasAttachments: false,
  isRead: false,
};

describe('reading a message for processing', () => {
  it('selects every field the worker needs, with immutable ids', async () => {
    const { deps, requests } = inboundSetup([json(200, answer, { 'request-id': 'r-msg' })]);
    await expect(readInboundMessage(MAILBOX, ID, deps)).resolves.toEqual({
      message,
      receipt: { status: 200, requestId: 'r-msg', clientRequestId: 'crid-1', attempts: 1 },
    });
    expect(requests[0]?.url.split('?')[0]).toBe(MESSAGE_URL);
    expect(queryOf(requests[0]?.url ?? '').$select?.split(',')).toEqual([
      'id',
      'internetMessageId',
      'conversationId',
      'subject',
      'from',
      'sender',
      'toRecipients',
      'ccRecipients',
      'replyTo',
      'receivedDateTime',
      'internetMessageHeaders',
      'body',
      'uniqueBody',
      'hasAttachments',
      'isRead',
    ]);
    expect(MESSAGE_FIELDS).toHaveLength(15);
    expect(requests[0]?.headers.prefer).toBe(PREFER_IMMUTABLE);
  });

  it.each([
    ['html', `${PREFER_IMMUTABLE}, outlook.body-content-type="html"`],
    ['text', `${PREFER_IMMUTABLE}, outlook.body-content-type="text"`],
  ] as const)('asks for a %s body when told', async (bodyType, prefer) => {
    const { deps, requests } = inboundSetup([json(200, answer)]);
    await readInboundMessage(MAILBOX, ID, deps, { bodyType });
    expect(requests[0]?.headers.prefer).toBe(prefer);
  });

  it.each<[string, Record<string, unknown>, Partial<IncomingMessage>]>([
    [
      'nulls and missing fields',
      {
        id: ID,
        from: null,
        sender: null,
        body: null,
        uniqueBody: null,
        toRecipients: null,
        internetMessageId: null,
        conversationId: null,
        subject: null,
        receivedDateTime: null,
        hasAttachments: null,
        isRead: null,
      },
      {
        from: undefined,
        sender: undefined,
        body: undefined,
        uniqueBody: undefined,
        toRecipients: [],
        ccRecipients: [],
        internetMessageHeaders: [],
        internetMessageId: undefined,
        hasAttachments: false,
        isRead: false,
      },
    ],
    [
      'an address without emailAddress',
      {
        id: ID,
        from: { emailAddress: null },
        toRecipients: [{}, { emailAddress: null }, { emailAddress: { name: 'N' } }],
        ccRecipients: null,
      },
      { from: undefined, toRecipients: [{ name: 'N', address: undefined }], ccRecipients: [] },
    ],
    [
      'a text body in capitals',
      { id: ID, body: { contentType: 'Text', content: 'hi' } },
      { body: { contentType: 'text', content: 'hi' } },
    ],
  ])('reads %s', async (_name, body, expected) => {
    const { deps } = inboundSetup([json(200, body)]);
    const { message: read } = await readInboundMessage(MAILBOX, ID, deps);
    expect(read).toMatchObject(expected);
  });

  it.each([
    ['a header without value', { id: ID, internetMessageHeaders: [{ name: 'Subject' }] }, 'internetMessageHeaders'],
    ['a body without content', { id: ID, body: { contentType: 'html' } }, 'body.content'],
    ['isRead a string', { id: ID, isRead: 'true' }, 'isRead'],
    ['an address that is a number', { id: ID, from: { emailAddress: { address: 5 } } }, 'from.emailAddress.address'],
    ['no id', { subject: 's' }, 'id'],
  ])('refuses an answer with %s, naming the field', async (_name, body, field) => {
    const { deps } = inboundSetup([json(200, body)]);
    const error = await failureOf(readInboundMessage(MAILBOX, ID, deps));
    expect(error.code).toBe('GRAPH_RESPONSE_INVALID');
    expect(error.message).toContain(field);
  });

  it.each<[string, Answer, string]>([
    ['a message moved since the notification', graphError(404, 'ErrorItemNotFound'), 'GRAPH_ITEM_GONE'],
    ['a mailbox not enabled', graphError(404, 'MailboxNotEnabledForRESTAPI'), 'GRAPH_MAILBOX_NOT_ENABLED'],
    ['an access policy', graphError(403, 'ErrorAccessDenied'), 'GRAPH_ACCESS_DENIED'],
  ])('fails for %s', async (_name, failure, code) => {
    const { deps } = inboundSetup([failure]);
    expect(await failureOf(readInboundMessage(MAILBOX, ID, deps))).toMatchObject({ code, requestId: 'req-err' });
  });
});

/** attachment-get Example 1's file attachment, without its bytes, and an inline image and an attached email. */
const attachments = [
  {
    '@odata.type': '#microsoft.graph.fileAttachment',
    id: 'AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=',
    lastModifiedDateTime: '2019-04-02T03:41:29Z',
    name: 'Draft sales invoice template.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    size: 13068,
    isInline: false,
    contentId: null,
  },
  {
    '@odata.type': '#microsoft.graph.fileAttachment',
    id: 'AAMkInline=',
    name: 'image001.png',
    contentType: 'image/png',
    size: 2048,
    isInline: true,
    contentId: '<image001.png@01DA0000.00000000>',
  },
  { '@odata.type': '#microsoft.graph.itemAttachment', id: 'AAMkItem=', name: 'Fwd', contentType: null, size: 9000 },
  { '@odata.type': '#microsoft.graph.referenceAttachment', id: 'AAMkRef=', name: 'Plan', isInline: false },
  { id: 'AAMkNoType=' },
];

describe('listing attachments', () => {
  it('lists them without bytes, contentId through its type cast, kinds by @odata.type', async () => {
    const { deps, requests } = inboundSetup([json(200, { value: attachments }, { 'request-id': 'r-att' })]);
    await expect(listAttachments(MAILBOX, ID, deps)).resolves.toEqual({
      attachments: [
        {
          id: 'AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=',
          kind: 'file',
          name: 'Draft sales invoice template.docx',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          size: 13068,
          isInline: false,
          contentId: undefined,
        },
        {
          id: 'AAMkInline=',
          kind: 'file',
          name: 'image001.png',
          contentType: 'image/png',
          size: 2048,
          isInline: true,
          contentId: 'image001.png@01DA0000.00000000',
        },
        {
          id: 'AAMkItem=',
          kind: 'item',
          name: 'Fwd',
          contentType: undefined,
          size: 9000,
          isInline: false,
          contentId: undefined,
        },
        {
          id: 'AAMkRef=',
          kind: 'reference',
          name: 'Plan',
          contentType: undefined,
          size: undefined,
          isInline: false,
          contentId: undefined,
        },
        {
          id: 'AAMkNoType=',
          kind: 'unknown',
          name: undefined,
          contentType: undefined,
          size: undefined,
          isInline: false,
          contentId: undefined,
        },
      ],
      receipt: { status: 200, requestId: 'r-att', clientRequestId: 'crid-1', attempts: 1 },
    });
    expect(requests[0]?.url).toBe(
      `${MESSAGE_URL}/attachments?$select=id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId`,
    );
    const select = queryOf(requests[0]?.url ?? '').$select?.split(',');
    expect(select).toEqual([
      'id',
      'name',
      'contentType',
      'size',
      'isInline',
      'microsoft.graph.fileAttachment/contentId',
    ]);
    // A bare contentId is a 400 on Graph (RequestBroker--ParseUri).
    expect(select).not.toContain('contentId');
    expect(requests[0]?.headers.prefer).toBe(PREFER_IMMUTABLE);
  });

  it('follows nextLinks on the Graph base', async () => {
    const next = `${MESSAGE_URL}/attachments?$skiptoken=2`;
    const { deps, requests } = inboundSetup([
      json(200, { value: [attachments[0]], '@odata.nextLink': next }),
      json(200, { value: [attachments[1]] }),
    ]);
    const { attachments: listed } = await listAttachments(MAILBOX, ID, deps);
    expect(listed.map((attachment) => attachment.id)).toEqual([
      'AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=',
      'AAMkInline=',
    ]);
    expect(requests[1]?.url).toBe(next);
  });

  it.each<[string, Answer[], string]>([
    [
      'a nextLink to another host',
      [json(200, { value: [], '@odata.nextLink': 'https://evil.example/v1.0/x' })],
      'GRAPH_RESPONSE_INVALID',
    ],
    [
      'pages without end',
      Array.from({ length: 21 }, () =>
        json(200, { value: [], '@odata.nextLink': `${MESSAGE_URL}/attachments?$skiptoken=n` }),
      ),
      'GRAPH_RESPONSE_INVALID',
    ],
    ['a size that is a string', [json(200, { value: [{ id: 'a', size: '5' }] })], 'GRAPH_RESPONSE_INVALID'],
    ['a message gone', [graphError(404, 'ErrorItemNotFound')], 'GRAPH_ITEM_GONE'],
  ])('fails for %s', async (_name, answers, code) => {
    const { deps } = inboundSetup(answers);
    expect((await failureOf(listAttachments(MAILBOX, ID, deps))).code).toBe(code);
  });
});
