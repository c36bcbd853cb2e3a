import { createHash } from 'node:crypto';

import { JiraError, JiraErrorCode } from '../../../src/jira/errors';
import { fakeJwt, type FetchHandler, jsonResponse } from '../support/fake-fetch';
import { sampleIssue } from '../support/fake-jira';
import { configuredWorld, emailIdOf, issueRequest, silenceWarnings } from '../support/resolvers';

const TOKEN = fakeJwt({ roles: ['User.Read.All', 'Mail.ReadWrite', 'Mail.Send'] });
const sha = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (size: number, seed: number) => Uint8Array.from({ length: size }, (_, i) => (i * seed + 7) % 251);

/** A Microsoft that takes drafts, attachments, upload sessions and sends, keeping what it was given. */
const draftingMicrosoft = () => {
  const uploads = new Map<string, Buffer[]>();
  const posted: Array<{ name: string; contentBytes: string; isInline?: boolean; contentId?: string }> = [];
  const handler: FetchHandler = (call) => {
    if (call.url.includes('/oauth2/v2.0/token'))
      return jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN });
    if (call.url.endsWith('/messages') && call.method === 'POST') {
      return jsonResponse(201, {
        id: 'draft-1',
        internetMessageId: '<email-1.demo-1@contoso.com>',
        conversationId: 'conv-1',
      });
    }
    if (call.url.endsWith('/attachments/createUploadSession')) {
      const name = (JSON.parse(call.body ?? '{}') as { AttachmentItem: { name: string } }).AttachmentItem.name;
      uploads.set(name, []);
      return jsonResponse(201, {
        uploadUrl: `https://outlook.office.com/api/v2.0/upload/${encodeURIComponent(name)}`,
        nextExpectedRanges: ['0-'],
      });
    }
    if (call.url.startsWith('https://outlook.office.com/api/v2.0/upload/')) {
      const name = decodeURIComponent(call.url.split('/').pop() ?? '');
      uploads.get(name)?.push(Buffer.from(call.bodyBytes ?? new Uint8Array()));
      const range = /bytes (\d+)-(\d+)\/(\d+)/.exec(call.headers['content-range'] ?? '');
      const done = range !== null && Number(range[2]) + 1 === Number(range[3]);
      return done
        ? new Response(null, { status: 201 })
        : jsonResponse(200, { nextExpectedRanges: [`${Number(range?.[2]) + 1}-`] });
    }
    if (call.url.endsWith('/attachments')) {
      posted.push(JSON.parse(call.body ?? '{}') as (typeof posted)[number]);
      return jsonResponse(201, { id: 'att' });
    }
    return new Response(null, { status: 202 });
  };
  return { handler, uploads, posted };
};

describe('sendIssueEmail through the resolver', () => {
  silenceWarnings();
  const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look' };

  it('sends chosen attachments byte for byte, the big one through an upload session, and embeds description images', async () => {
    const microsoft = draftingMicrosoft();
    const world = await configuredWorld({
      microsoft: microsoft.handler,
      issue: sampleIssue({}, '<p>See <img src="/rest/api/3/attachment/content/10100" alt="shot.png"></p>'),
    });
    const big = bytesOf(3_400_000, 13);
    const small = bytesOf(712, 5);
    const shot = bytesOf(2_000, 3);
    world.issueData.attachments = [
      { id: '10100', filename: 'shot.png', size: shot.length, mimeType: 'image/png', bytes: shot },
      { id: '10101', filename: 'dump.zip', size: big.length, mimeType: 'application/zip', bytes: big },
      { id: '10102', filename: 'list.csv', size: small.length, mimeType: 'text/csv', bytes: small },
    ];

    const answer = await world.issueAction.sendIssueEmail(
      issueRequest({ ...payload, attachmentIds: ['10101', '10102'] }),
    );

    expect(answer).toEqual({
      ok: true,
      data: {
        issueKey: 'DEMO-1',
        emailId: emailIdOf(1),
        queuedAt: '2024-05-06T06:00:00.000Z',
        status: 'queued',
        recipientCount: 1,
      },
    });
    // Queued: nothing reaches Microsoft 365 until the outbox worker runs.
    expect(world.microsoft.calls).toHaveLength(0);
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(world.issueData.comments_added).toHaveLength(1);
    expect(sha(Buffer.concat(microsoft.uploads.get('dump.zip') ?? []))).toBe(sha(big));
    const byName = new Map(microsoft.posted.map((attachment) => [attachment.name, attachment]));
    expect(sha(Buffer.from(byName.get('list.csv')?.contentBytes ?? '', 'base64'))).toBe(sha(small));
    expect(byName.get('shot.png')).toMatchObject({ isInline: true, contentId: 'image-10100@issue-mailer' });
    const draft = world.microsoft.calls.find((call) => call.url.endsWith('/messages'));
    expect(draft?.body).toContain('src=\\"cid:image-10100@issue-mailer\\"');
    expect(world.microsoft.calls.filter((call) => call.url.endsWith('/send'))).toHaveLength(1);
    const history = await world.issueAction.listEmailHistory(issueRequest({}));
    expect(history).toMatchObject({ ok: true, data: [{ status: 'sent', attachmentCount: 2 }] });
  });

  it('reads each attachment from Jira only once Graph is ready for it, never all of them up front', async () => {
    const microsoft = draftingMicrosoft();
    const world = await configuredWorld({ microsoft: microsoft.handler });
    world.issueData.attachments = [
      {
        id: '10101',
        filename: 'dump.zip',
        size: 3_400_000,
        mimeType: 'application/zip',
        bytes: bytesOf(3_400_000, 13),
      },
      { id: '10102', filename: 'list.csv', size: 712, mimeType: 'text/csv', bytes: bytesOf(712, 5) },
    ];
    const opened: string[] = [];
    const open = world.outbox.openAttachment;
    world.outbox.openAttachment = (id, size, readAs) => {
      const last = world.microsoft.calls.at(-1);
      opened.push(`${id} as ${readAs ?? 'the app'} after ${last?.method} ${last?.url.replace(/^https:\/\/[^/]+/, '')}`);
      return open(id, size, readAs);
    };

    await world.issueAction.sendIssueEmail(issueRequest({ ...payload, attachmentIds: ['10101', '10102'] }));
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);

    expect(opened).toEqual([
      // The big file just before its upload session, the small one after the big one's last chunk; both with the
      // rights of the person who chose them.
      '10101 as user-1 after POST /v1.0/users/support%40contoso.com/messages',
      '10102 as user-1 after PUT /api/v2.0/upload/dump.zip',
    ]);
  });

  it('deletes the draft and tries again later when a download breaks off mid-file', async () => {
    const microsoft = draftingMicrosoft();
    const world = await configuredWorld({ microsoft: microsoft.handler });
    world.issueData.attachments = [{ id: '10101', filename: 'dump.zip', size: 9_000_000, mimeType: 'application/zip' }];
    world.outbox.openAttachment = async () =>
      (async function* broken() {
        yield new Uint8Array(5_000_000);
        throw new JiraError(
          JiraErrorCode.RequestFailed,
          'GET /rest/api/3/attachment/content/10101 answered 200, but reading its body failed after 5000000 bytes.',
        );
      })();

    await world.issueAction.sendIssueEmail(issueRequest({ ...payload, attachmentIds: ['10101'] }));
    await expect(world.drainOutbox(1)).resolves.toEqual(['retry-scheduled']);

    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      status: 'retrying',
      lastError: { code: 'JIRA_REQUEST_FAILED' },
    });
    expect(microsoft.uploads.get('dump.zip')?.map((chunk) => chunk.length)).toEqual([3_932_160]);
    expect(world.microsoft.calls.at(-1)).toMatchObject({
      method: 'DELETE',
      url: 'https://graph.microsoft.com/v1.0/users/support%40contoso.com/messages/draft-1',
    });
    expect(world.microsoft.calls.filter((call) => call.url.endsWith('/send'))).toHaveLength(0);
  });

  it('refuses an attachment that is not on the issue before sending anything', async () => {
    const world = await configuredWorld();
    await expect(
      world.issueAction.sendIssueEmail(issueRequest({ ...payload, attachmentIds: ['99999'] })),
    ).resolves.toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { attachmentIds: 'An attachment is no longer on the issue. Reload and choose again.' },
      },
    });
    expect(world.queue.pushed).toHaveLength(0);
    expect(world.entities.values.size).toBe(0);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it.each([
    ['to', '"a@b"@example.com'],
    ['cc', '"a b"@example.com'],
    ['bcc', 'a@127.0.0.1'],
  ])('refuses %s %s before anything is queued, instead of telling the sender "queued"', async (field, address) => {
    const world = await configuredWorld();
    const answer = await world.issueAction.sendIssueEmail(issueRequest({ ...payload, [field]: [address] }));
    // The dialog marks the chip with the parser's own words (test/unit/contract/email-address.test.ts).
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { [field]: 'Enter valid email addresses.' },
      },
    });
    expect(world.queue.pushed).toHaveLength(0);
    expect(world.entities.values.size).toBe(0);
  });

  it('refuses attachments over 150 MB with the sizes, before downloading them', async () => {
    const world = await configuredWorld();
    world.issueData.attachments = [
      { id: '1', filename: 'a.bin', size: 100 * 1024 * 1024, mimeType: 'application/octet-stream' },
      { id: '2', filename: 'b.bin', size: 50 * 1024 * 1024 + 1, mimeType: 'application/octet-stream' },
    ];
    await expect(
      world.issueAction.sendIssueEmail(issueRequest({ ...payload, attachmentIds: ['1', '2'] })),
    ).resolves.toEqual({
      ok: false,
      error: {
        code: 'MESSAGE_TOO_LARGE',
        message: 'The attachments add up to 150.1 MB; a message can carry at most 150 MB. Leave some attachments out.',
      },
    });
    expect(world.queue.pushed).toHaveLength(0);
    expect(world.microsoft.calls).toHaveLength(0);
  });

  it('records a failed email in the log and the history with the admin message, and adds no comment', async () => {
    const world = await configuredWorld({
      microsoft: (call) =>
        call.url.includes('/oauth2/')
          ? jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN })
          : jsonResponse(400, {
              error: { code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid.' },
            }),
    });
    const answer = await world.issueAction.sendIssueEmail(issueRequest(payload));
    // Graph's refusal comes later, in the worker: the resolver only queued the email.
    expect(answer).toMatchObject({ ok: true, data: { status: 'queued' } });
    await expect(world.drainOutbox()).resolves.toEqual(['failed']);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      status: 'failed',
      lastError: {
        code: 'GRAPH_INVALID_RECIPIENTS',
        message: 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
      },
    });
    const history = await world.issueAction.listEmailHistory(issueRequest({}));
    expect(history).toMatchObject({
      ok: true,
      data: [
        {
          status: 'failed',
          error: 'Microsoft 365 could not resolve at least one recipient. Check the addresses and try again.',
        },
      ],
    });
    expect(world.issueData.comments_added).toEqual([]);
  });

  it('adds no comment when the admin turned it off', async () => {
    const world = await configuredWorld();
    await world.settings.save({ commentAfterSend: false, whoMaySend: { mode: 'everyone' }, projectTemplates: [] });
    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toMatchObject({
      ok: true,
      data: { status: 'queued' },
    });
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(await world.records.get(emailIdOf(1))).toMatchObject({
      status: 'sent',
      commentAfterSend: false,
      followUps: [],
    });
    expect(world.issueData.comments_added).toEqual([]);
  });

  it('reads the credentials and the mail settings in one kvs operation, the send-setup copy', async () => {
    const world = await configuredWorld();
    await world.settings.save({ commentAfterSend: false, whoMaySend: { mode: 'everyone' }, projectTemplates: [] });
    world.kv.resetOperations();

    await expect(world.issueAction.sendIssueEmail(issueRequest(payload))).resolves.toMatchObject({ ok: true });

    // The other one is the email's content (this world has no pacer to take it along in its slot's transaction).
    expect(world.kv.operations).toEqual([
      { operation: 'get', key: 'send-setup' },
      { operation: 'set', key: `email-content:${emailIdOf(1)}.0` },
    ]);
    // The copy stands for what is stored: the setting it holds was applied.
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    expect(world.issueData.comments_added).toEqual([]);
  });

  it("uses the project's default template and escapes the summary", async () => {
    const world = await configuredWorld({ issue: sampleIssue({ summary: '<script>alert(1)</script>' }) });
    const saved = await world.templates.save({
      name: 'Short',
      subject: 'S {{ issue.key }}',
      body: '<p>{{ issue.summary }} for {{ issue.project.key }}</p>',
    });
    await world.settings.save({
      commentAfterSend: true,
      whoMaySend: { mode: 'everyone' },
      projectTemplates: [{ projectKey: 'DEMO', templateId: saved.id }],
    });
    await world.issueAction.sendIssueEmail(issueRequest(payload));
    await expect(world.drainOutbox()).resolves.toEqual(['sent']);
    const body = JSON.parse(world.microsoft.calls.find((call) => call.url.endsWith('/sendMail'))?.body ?? '{}') as {
      message: { body: { content: string } };
    };
    expect(body.message.body.content).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; for DEMO</p>');
  });
});
