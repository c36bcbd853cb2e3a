import { appNamed, getToken, graphGet, useDemo } from './helpers';

const SUPPORT = 'support@contoso.onmicrosoft.com';
const BASE = `/users/${SUPPORT}`;

type Json = Record<string, unknown>;

describe('Graph inbound reads: one message, attachments, isRead, move, child folders', () => {
  const demo = useDemo({ limits: false });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${demo.emulator.graphBaseUrl}/v1.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const deliver = () =>
    demo.emulator.deliverMail({
      mailbox: SUPPORT,
      fromAddress: 'alex@fabrikam.example',
      subject: 'With files',
      text: 'Body <b>text</b>',
      attachments: [
        {
          name: 'a.bin',
          contentType: 'application/octet-stream',
          contentBytes: Buffer.from([1, 2, 3]).toString('base64'),
        },
        {
          name: 'logo.png',
          contentType: 'image/png',
          contentBytes: Buffer.from('png').toString('base64'),
          isInline: true,
          contentId: 'logo@1',
        },
      ],
    });

  it('gets a message; uniqueBody and internetMessageHeaders only when selected', async () => {
    const message = deliver();
    const plain = (await (await graphGet(demo, `${BASE}/messages/${message.id}`)).json()) as Json;
    expect(plain).toMatchObject({
      id: message.id,
      subject: 'With files',
      isRead: false,
      hasAttachments: true,
      internetMessageId: message.internetMessageId,
    });
    expect(plain).not.toHaveProperty('uniqueBody');
    expect(plain).not.toHaveProperty('internetMessageHeaders');
    const selected = (await (
      await graphGet(demo, `${BASE}/messages/${message.id}?$select=uniqueBody,internetMessageHeaders,conversationId`)
    ).json()) as Json;
    expect(Object.keys(selected).sort()).toEqual([
      '@odata.context',
      '@odata.etag',
      'conversationId',
      'id',
      'internetMessageHeaders',
      'uniqueBody',
    ]);
    expect(selected.internetMessageHeaders).toContainEqual({ name: 'Message-ID', value: message.internetMessageId });
  });

  it('honours Prefer outlook.body-content-type="text" and echoes Preference-Applied', async () => {
    const message = deliver();
    const response = await call('GET', `${BASE}/mailFolders/inbox/messages/${message.id}?$select=body`, undefined, {
      Prefer: 'outlook.body-content-type="text"',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
    expect(((await response.json()) as { body: Json }).body).toEqual({
      contentType: 'text',
      content: 'Body <b>text</b>',
    });
  });

  it('answers 404 ErrorItemNotFound for an unknown id or a message of another folder, 400 for a malformed one', async () => {
    const message = deliver();
    const unknown = await graphGet(demo, `${BASE}/messages/AAMkAGdoesnotexist000`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: Json }).error.code).toBe('ErrorItemNotFound');
    expect((await graphGet(demo, `${BASE}/mailFolders/sentitems/messages/${message.id}`)).status).toBe(404);
    expect((await graphGet(demo, `${BASE}/messages/nope`)).status).toBe(400);
  });

  it('lists attachments, refuses a bare contentId in $select but takes the fileAttachment cast, and streams $value', async () => {
    const message = deliver();
    const list = (await (await graphGet(demo, `${BASE}/messages/${message.id}/attachments`)).json()) as {
      value: Json[];
    };
    expect(list.value).toHaveLength(2);
    expect(list.value[1]).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'logo.png',
      isInline: true,
      contentId: 'logo@1',
      size: 3,
    });
    const bare = await graphGet(demo, `${BASE}/messages/${message.id}/attachments?$select=name,contentId`);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: Json }).error).toMatchObject({
      code: 'RequestBroker--ParseUri',
      message: "Could not find a property named 'contentId' on type 'microsoft.graph.attachment'.",
    });
    const cast = (await (
      await graphGet(
        demo,
        `${BASE}/messages/${message.id}/attachments?$select=id,name,size,isInline,microsoft.graph.fileAttachment/contentId`,
      )
    ).json()) as { value: Json[] };
    expect(cast.value[1]).toEqual({
      '@odata.type': '#microsoft.graph.fileAttachment',
      id: expect.any(String),
      name: 'logo.png',
      size: 3,
      isInline: true,
      contentId: 'logo@1',
    });
    const id = String(list.value[0]?.id);
    const one = (await (await graphGet(demo, `${BASE}/messages/${message.id}/attachments/${id}`)).json()) as Json;
    expect(one.contentBytes).toBe(Buffer.from([1, 2, 3]).toString('base64'));
    const raw = await graphGet(demo, `${BASE}/messages/${message.id}/attachments/${id}/$value`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
  });

  it('marks a message read and the Inbox unread count follows', async () => {
    const message = deliver();
    const counts = async () =>
      ((await (await graphGet(demo, `${BASE}/mailFolders/inbox`)).json()) as { unreadItemCount: number })
        .unreadItemCount;
    const before = await counts();
    const patched = await call('PATCH', `${BASE}/messages/${message.id}`, { isRead: true });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as Json).isRead).toBe(true);
    expect(await counts()).toBe(before - 1);
    expect((await call('PATCH', `${BASE}/messages/${message.id}`, { subject: 'x' })).status).toBe(400);
  });

  it('creates a child folder once (409 ErrorFolderExists after), finds it by name, and moves mail into it', async () => {
    const created = await call('POST', `${BASE}/mailFolders/inbox/childFolders`, {
      displayName: 'Processed by Issue Mailer',
    });
    expect(created.status).toBe(201);
    const folder = (await created.json()) as Json;
    expect(folder).toMatchObject({
      displayName: 'Processed by Issue Mailer',
      totalItemCount: 0,
      unreadItemCount: 0,
      isHidden: false,
    });
    const again = await call('POST', `${BASE}/mailFolders/inbox/childFolders`, {
      displayName: 'processed by issue mailer',
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: Json }).error).toMatchObject({
      code: 'ErrorFolderExists',
      message: 'A folder with the specified name already exists.',
    });
    const found = (await (
      await graphGet(
        demo,
        `${BASE}/mailFolders/inbox/childFolders?$filter=displayName eq 'Processed by Issue Mailer'&$select=id,displayName`,
      )
    ).json()) as { value: Json[] };
    expect(found.value).toEqual([{ id: folder.id, displayName: 'Processed by Issue Mailer' }]);

    const message = deliver();
    const moved = await call('POST', `${BASE}/messages/${message.id}/move`, { destinationId: folder.id });
    expect(moved.status).toBe(201);
    const movedBody = (await moved.json()) as Json;
    expect(movedBody.parentFolderId).toBe(folder.id);
    expect(movedBody.id).not.toBe(message.id);
    expect((await graphGet(demo, `${BASE}/messages/${message.id}`)).status).toBe(404);
    const inFolder = (await (await graphGet(demo, `${BASE}/mailFolders/${String(folder.id)}`)).json()) as Json;
    expect(inFolder.totalItemCount).toBe(1);
  });

  it('keeps the id across a move with Prefer IdType="ImmutableId"', async () => {
    const message = deliver();
    const prefer = { Prefer: 'IdType="ImmutableId"' };
    const moved = await call(
      'POST',
      `${BASE}/messages/${message.immutableId}/move`,
      { destinationId: 'archive' },
      prefer,
    );
    expect(moved.status).toBe(201);
    expect(moved.headers.get('preference-applied')).toBe('IdType="ImmutableId"');
    expect(((await moved.json()) as Json).id).toBe(message.immutableId);
    expect(
      (await call('GET', `${BASE}/mailFolders/archive/messages/${message.immutableId}`, undefined, prefer)).status,
    ).toBe(200);
  });

  it('keeps to the application access policy (the demo app may use the support mailbox only)', async () => {
    const message = demo.emulator.deliverMail({
      mailbox: 'sales@contoso.onmicrosoft.com',
      fromAddress: 'a@fabrikam.example',
      text: 'x',
    });
    const read = await graphGet(demo, `/users/sales@contoso.onmicrosoft.com/messages/${message.id}`);
    expect(read.status).toBe(403);
    expect(((await read.json()) as { error: Json }).error.code).toBe('ErrorAccessDenied');
    const other = await getToken(demo, appNamed(demo, 'Issue Mailer (secret expiring soon)'));
    expect((await graphGet(demo, `/users/sales@contoso.onmicrosoft.com/messages/${message.id}`, other)).status).toBe(
      200,
    );
  });

  it('answers 403 ErrorAccessDenied for a token without mail permissions', async () => {
    const message = deliver();
    const token = await getToken(demo, demo.unconsentedApp);
    expect((await graphGet(demo, `${BASE}/messages/${message.id}`, token)).status).toBe(403);
  });
});
