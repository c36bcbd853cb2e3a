import { getToken, type GraphErrorBody, postJson, sendMailUrl, simpleMessage, useDemo } from './helpers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const expectGraphError = async (
  response: Response,
  status: number,
  code: string,
  message: string,
): Promise<GraphErrorBody> => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = (await response.json()) as GraphErrorBody;
  expect(body).toEqual({
    error: {
      code,
      message,
      innerError: {
        date: '2030-06-01T12:00:00',
        'request-id': response.headers.get('request-id'),
        'client-request-id': response.headers.get('client-request-id'),
      },
    },
  });
  expect(body.error.innerError['request-id']).toMatch(GUID);
  return body;
};

describe('Microsoft emulator Graph sendMail', () => {
  const demo = useDemo();

  it('answers 202 with no body and stores the message with decoded attachment sizes', async () => {
    const before = demo.emulator.sentMessages().length;
    const response = await postJson(sendMailUrl(demo), demo.token, {
      message: {
        subject: 'DEMO-7: Coffee machine leaks',
        body: { contentType: 'HTML', content: '<p>The <b>coffee</b> machine leaks.</p>' },
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex Wilber' } }],
        ccRecipients: [{ emailAddress: { address: 'megan@fabrikam.example' } }],
        bccRecipients: [{ emailAddress: { address: 'audit@contoso.example' } }],
        internetMessageHeaders: [{ name: 'x-issue-key', value: 'DEMO-7' }],
        attachments: [
          {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: 'hello.txt',
            contentType: 'text/plain',
            contentBytes: 'SGVsbG8gV29ybGQh',
          },
          { '@odata.type': '#microsoft.graph.fileAttachment', name: 'empty.bin', contentBytes: '' },
        ],
      },
    });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    expect(response.headers.get('request-id')).toMatch(GUID);

    const sent = demo.emulator.sentMessages('SUPPORT@contoso.onmicrosoft.com');
    expect(sent).toHaveLength(before + 1);
    const stored = sent[sent.length - 1];
    expect(stored).toEqual({
      id: expect.stringMatching(/^AAMkAG[A-Za-z0-9_-]+$/),
      mailbox: 'support@contoso.onmicrosoft.com',
      receivedAt: '2030-06-01T12:00:00.000Z',
      savedToSentItems: true,
      message: {
        subject: 'DEMO-7: Coffee machine leaks',
        body: { contentType: 'html', content: '<p>The <b>coffee</b> machine leaks.</p>' },
        toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex Wilber' } }],
        ccRecipients: [{ emailAddress: { address: 'megan@fabrikam.example' } }],
        bccRecipients: [{ emailAddress: { address: 'audit@contoso.example' } }],
        internetMessageHeaders: [{ name: 'x-issue-key', value: 'DEMO-7' }],
        attachments: [
          { name: 'hello.txt', contentType: 'text/plain', size: 12, contentBytes: 'SGVsbG8gV29ybGQh' },
          { name: 'empty.bin', contentType: 'application/octet-stream', size: 0, contentBytes: '' },
        ],
      },
    });
  });

  it.each([
    ['saveToSentItems false', { saveToSentItems: false }, false],
    ['saveToSentItems "false" (as the docs send it)', { saveToSentItems: 'false' }, false],
    ['saveToSentItems null', { saveToSentItems: null }, true],
    ['PascalCase SaveToSentItems true', { SaveToSentItems: true }, true],
  ])('records %s', async (_name, extra, saved) => {
    const response = await postJson(sendMailUrl(demo), demo.token, { ...simpleMessage('saved?'), ...extra });
    expect(response.status).toBe(202);
    expect(demo.emulator.sentMessages().at(-1)?.savedToSentItems).toBe(saved);
  });

  it('accepts the PascalCase Message parameter and the mailbox object id in the path', async () => {
    const response = await postJson(sendMailUrl(demo, '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63'), demo.token, {
      Message: simpleMessage('by id').message,
    });
    expect(response.status).toBe(202);
    expect(demo.emulator.sentMessages().at(-1)).toMatchObject({
      mailbox: 'support@contoso.onmicrosoft.com',
      message: { subject: 'by id' },
    });
  });

  it('echoes the client-request-id header', async () => {
    const clientRequestId = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
    const response = await postJson(sendMailUrl(demo), demo.token, simpleMessage(), {
      'client-request-id': clientRequestId,
    });
    expect(response.headers.get('client-request-id')).toBe(clientRequestId);
  });

  it('accepts a base64 MIME message sent as text/plain', async () => {
    const mime = [
      'From: support@contoso.onmicrosoft.com',
      'To: "Alex Wilber" <alex@fabrikam.example>',
      'Subject: MIME DEMO-3',
      'Content-Type: text/plain',
      '',
      'Body text',
    ].join('\r\n');
    const response = await fetch(sendMailUrl(demo), {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'text/plain' },
      body: Buffer.from(mime).toString('base64'),
    });
    expect(response.status).toBe(202);
    expect(demo.emulator.sentMessages().at(-1)?.message).toEqual({
      subject: 'MIME DEMO-3',
      body: { contentType: 'text', content: 'Body text' },
      toRecipients: [{ emailAddress: { address: 'alex@fabrikam.example', name: 'Alex Wilber' } }],
      ccRecipients: [],
      bccRecipients: [],
    });
  });

  it('refuses an app without admin consent: no roles, 403 ErrorAccessDenied', async () => {
    const unconsented = await getToken(demo, demo.unconsentedApp);
    const before = demo.emulator.sentMessages().length;
    await expectGraphError(
      await postJson(sendMailUrl(demo), unconsented, simpleMessage()),
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
    expect(demo.emulator.sentMessages()).toHaveLength(before);
  });

  it.each([
    [
      'an unknown mailbox',
      'nobody@contoso.onmicrosoft.com',
      404,
      'ErrorInvalidUser',
      "The requested user 'nobody@contoso.onmicrosoft.com' is invalid.",
    ],
    [
      'an unknown object id',
      '11111111-2222-4333-8444-555555555555',
      404,
      'ErrorInvalidUser',
      "The requested user '11111111-2222-4333-8444-555555555555' is invalid.",
    ],
    [
      'a mailbox not enabled for REST',
      'noreply@contoso.onmicrosoft.com',
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    ],
  ])('answers %s (%s) with %i %s', async (_name, user, status, code, message) => {
    await expectGraphError(await postJson(sendMailUrl(demo, user), demo.token, simpleMessage()), status, code, message);
  });

  it.each([
    [
      'no recipients',
      { message: { subject: 'x', toRecipients: [] } },
      "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    ],
    [
      'an address that does not resolve',
      { message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'bad' } }] } },
      'At least one recipient isn\'t valid., Recipient "bad" isn\'t resolved. All recipients must be resolved before a message can be submitted.',
    ],
    [
      'a bcc recipient without address',
      {
        message: {
          subject: 'x',
          toRecipients: [{ emailAddress: { address: 'ok@fabrikam.example' } }],
          bccRecipients: [{ emailAddress: { name: 'Nobody' } }],
        },
      },
      'At least one recipient isn\'t valid., Recipient "Nobody" isn\'t resolved. All recipients must be resolved before a message can be submitted.',
    ],
  ])('answers %s with 400 ErrorInvalidRecipients', async (_name, body, message) => {
    await expectGraphError(await postJson(sendMailUrl(demo), demo.token, body), 400, 'ErrorInvalidRecipients', message);
  });

  it('refuses a custom header that does not start with x-', async () => {
    const body = {
      message: {
        ...simpleMessage().message,
        internetMessageHeaders: [
          { name: 'X-Ok', value: '1' },
          { name: 'Issue-Key', value: 'DEMO-1' },
        ],
      },
    };
    await expectGraphError(
      await postJson(sendMailUrl(demo), demo.token, body),
      400,
      'InvalidInternetMessageHeader',
      "The internet message header name 'Issue-Key' should start with 'x-' or 'X-'.",
    );
  });

  it('answers a request over 4 MB with 413 and stores nothing', async () => {
    const before = demo.emulator.sentMessages().length;
    const big = {
      message: { ...simpleMessage().message, body: { contentType: 'text', content: 'a'.repeat(4 * 1024 * 1024) } },
    };
    await expectGraphError(
      await postJson(sendMailUrl(demo), demo.token, big),
      413,
      'BadRequest',
      'The maximum request length supported is 4MB.',
    );
    expect(demo.emulator.sentMessages()).toHaveLength(before);
  });

  it('accepts a request just under 4 MB', async () => {
    const envelope = JSON.stringify({
      message: { ...simpleMessage('near limit').message, body: { contentType: 'text', content: '' } },
    });
    const content = 'a'.repeat(4 * 1024 * 1024 - Buffer.byteLength(envelope));
    const body = { message: { ...simpleMessage('near limit').message, body: { contentType: 'text', content } } };
    expect(Buffer.byteLength(JSON.stringify(body))).toBe(4 * 1024 * 1024);
    expect((await postJson(sendMailUrl(demo), demo.token, body)).status).toBe(202);
  });

  const recipients = simpleMessage().message.toRecipients;
  it.each([
    [
      'a number as subject',
      { message: { subject: 5, toRecipients: recipients } },
      'RequestBodyRead',
      "Cannot convert the literal '5' to the expected type 'Edm.String'.",
    ],
    [
      'an object as toRecipients',
      { message: { subject: 's', toRecipients: { emailAddress: { address: 'a@b.example' } } } },
      'RequestBodyRead',
      "An unexpected 'StartObject' node was found when reading from the JSON reader. A 'StartArray' node was expected.",
    ],
    [
      'an unknown importance',
      { message: { subject: 's', importance: 'urgent', toRecipients: recipients } },
      'RequestBodyRead',
      "Requested value 'urgent' was not found.",
    ],
    [
      'a string as message',
      { message: 'hello' },
      'RequestBodyRead',
      "An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartObject' node was expected.",
    ],
    [
      'an attachment without @odata.type',
      { message: { subject: 's', toRecipients: recipients, attachments: [{ name: 'a.txt', contentBytes: 'YQ==' }] } },
      'RequestBodyRead',
      "The property 'contentBytes' does not exist on type 'Microsoft.OutlookServices.Attachment'. Make sure to only use property names that are defined by the type or mark the type as open type.",
    ],
    [
      'an attachment of an unknown type',
      {
        message: {
          subject: 's',
          toRecipients: recipients,
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachmnt', name: 'a.txt', contentBytes: 'YQ==' }],
        },
      },
      'RequestBodyRead',
      "A type named 'microsoft.graph.fileAttachmnt' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.",
    ],
    [
      'contentBytes that are not base64',
      {
        message: {
          subject: 's',
          toRecipients: recipients,
          attachments: [
            { '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'not base64!' },
          ],
        },
      },
      'RequestBodyRead',
      "Cannot convert the literal 'not base64!' to the expected type 'Edm.Binary'.",
    ],
    [
      'a number as contentBytes',
      {
        message: {
          subject: 's',
          toRecipients: recipients,
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 7 }],
        },
      },
      'RequestBodyRead',
      "Cannot convert the literal '7' to the expected type 'Edm.String'.",
    ],
    [
      'a misspelt parameter',
      { mesage: simpleMessage().message },
      'RequestBodyRead',
      "The parameter 'mesage' in the request payload is not a valid parameter for the operation 'sendMail'.",
    ],
    [
      'no message',
      { saveToSentItems: true },
      'ErrorInvalidParameter',
      "The value of the parameter 'Message' is empty.",
    ],
    [
      'a JSON array',
      [simpleMessage()],
      'RequestBodyRead',
      "An unexpected 'StartArray' node was found when reading from the JSON reader. A 'StartObject' node was expected.",
    ],
  ])('rejects %s', async (_name, body, code, message) => {
    await expectGraphError(await postJson(sendMailUrl(demo), demo.token, body), 400, code, message);
  });

  it.each([
    [
      'malformed JSON',
      'application/json',
      '{"message": ',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ],
    [
      'JSON without Content-Type',
      undefined,
      JSON.stringify(simpleMessage()),
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ],
    ['an empty JSON body', 'application/json', '', 'Empty Payload. JSON content expected.'],
  ])('rejects %s with 400 BadRequest', async (_name, contentType, body, message) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${demo.token}` };
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    const response = await fetch(sendMailUrl(demo), {
      method: 'POST',
      headers,
      body: contentType === undefined ? Buffer.from(body) : body,
    });
    await expectGraphError(response, 400, 'BadRequest', message);
  });

  it('rejects a text/plain body that is not base64 MIME', async () => {
    const response = await fetch(sendMailUrl(demo), {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'text/plain' },
      body: 'Subject: hi',
    });
    await expectGraphError(
      response,
      400,
      'ErrorMimeContentInvalidBase64String',
      'Invalid base64 string for MIME content.',
    );
  });

  it('refuses /me with an app token', async () => {
    await expectGraphError(
      await postJson(`${demo.emulator.graphBaseUrl}/v1.0/me/sendMail`, demo.token, simpleMessage()),
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
    );
  });

  it('answers an unknown top-level segment like Graph', async () => {
    await expectGraphError(
      await postJson(`${demo.emulator.graphBaseUrl}/v1.0/mailboxes/x/sendMail`, demo.token, simpleMessage()),
      400,
      'BadRequest',
      "Resource not found for the segment 'mailboxes'.",
    );
  });
});
