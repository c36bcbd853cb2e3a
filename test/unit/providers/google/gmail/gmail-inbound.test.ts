import { parseGmailInbound } from '../../../../../src/providers/google/gmail/gmail-inbound';
import type { GmailRawMessage } from '../../../../../src/providers/google/gmail/gmail-messages';

const gmail = (raw: string, labelIds: string[] = ['INBOX']): GmailRawMessage => ({
  id: 'm1',
  threadId: 't1',
  labelIds,
  historyId: '7',
  internalDate: Date.parse('2026-12-07T01:00:00.000Z'),
  sizeEstimate: raw.length,
  raw: new Uint8Array(Buffer.from(raw.replace(/\n/g, '\r\n'))),
});

describe('parseGmailInbound', () => {
  it('maps a plain text message: groups as members, Gmail labels to isRead, its thread to the conversation', async () => {
    const { message, attachments } = await parseGmailInbound(
      gmail(
        [
          'From: "Ann" <ann@example.com>',
          'Sender: list@example.com',
          'To: Team: bob@example.com, Carl <carl@example.com>;',
          'Cc: dora@example.com',
          'Reply-To: help@example.com',
          'Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=',
          'Message-ID: <m-1@example.com>',
          'Auto-Submitted: auto-replied',
          '',
          'Hello',
          '',
        ].join('\n'),
      ),
    );
    expect(message).toEqual({
      id: 'm1',
      internetMessageId: '<m-1@example.com>',
      conversationId: 't1',
      subject: 'Grüße',
      from: { name: 'Ann', address: 'ann@example.com' },
      sender: { name: undefined, address: 'list@example.com' },
      toRecipients: [
        { name: undefined, address: 'bob@example.com' },
        { name: 'Carl', address: 'carl@example.com' },
      ],
      ccRecipients: [{ name: undefined, address: 'dora@example.com' }],
      replyTo: [{ name: undefined, address: 'help@example.com' }],
      receivedDateTime: '2026-12-07T01:00:00.000Z',
      internetMessageHeaders: [
        { name: 'From', value: '"Ann" <ann@example.com>' },
        { name: 'Sender', value: 'list@example.com' },
        { name: 'To', value: 'Team: bob@example.com, Carl <carl@example.com>;' },
        { name: 'Cc', value: 'dora@example.com' },
        { name: 'Reply-To', value: 'help@example.com' },
        { name: 'Subject', value: '=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=' },
        { name: 'Message-ID', value: '<m-1@example.com>' },
        { name: 'Auto-Submitted', value: 'auto-replied' },
      ],
      body: { contentType: 'text', content: 'Hello\n' },
      uniqueBody: undefined,
      hasAttachments: false,
      isRead: true,
    });
    expect(attachments).toEqual([]);
  });

  it('keeps an attached email as an item and an inline image out of hasAttachments', async () => {
    const raw = [
      'From: ann@example.com',
      'Subject: x',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: multipart/related; boundary="r"',
      '',
      '--r',
      'Content-Type: text/html',
      '',
      '<img src="cid:i1">',
      '--r',
      'Content-Type: image/png',
      'Content-ID: <i1>',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw==',
      '--r--',
      '--b',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="fwd.eml"',
      '',
      'Subject: inner',
      '',
      'inner body',
      '--b--',
      '',
    ].join('\n');
    const { message, attachments } = await parseGmailInbound(gmail(raw, ['INBOX', 'UNREAD']));
    expect([message.body?.contentType, message.hasAttachments, message.isRead]).toEqual(['html', true, false]);
    expect(attachments.map((a) => [a.id, a.kind, a.name, a.isInline, a.contentId, a.size])).toEqual([
      ['0', 'file', undefined, true, 'i1', 4],
      ['1', 'item', 'fwd.eml', false, undefined, expect.any(Number) as unknown],
    ]);
  });

  it('a message without a body has none', async () => {
    const { message } = await parseGmailInbound(gmail('From: a@b.c\nSubject: empty\n\n'));
    expect([message.body, message.hasAttachments]).toEqual([undefined, false]);
  });
});
