import { randomBytes } from 'node:crypto';

import { CASEY_CUSTOMER, type JiraProductEvent } from '../../../local/jira';
import { downloadAttachment } from '../../../src/jira/attachment-content';
import { uploadAttachment } from '../../../src/jira/attachment-upload';
import { JiraErrorCode } from '../../../src/jira/errors';
import { APP, as, get, newJira, requestJiraInto, send } from './helpers';

describe('POST /rest/api/3/issue/{key}/attachments on the local Jira', () => {
  it('takes a file uploaded by the app and gives the same bytes back', async () => {
    const jira = newJira();
    const events: JiraProductEvent[] = [];
    jira.onEvent((event) => events.push(event));
    const asApp = requestJiraInto(jira, APP);
    const bytes = new Uint8Array(randomBytes(200_000));
    const uploaded = await uploadAttachment(
      'DEMO-2',
      { name: 'scan résumé.pdf', contentType: 'application/pdf', bytes },
      asApp,
    );
    expect(uploaded).toMatchObject({ filename: 'scan résumé.pdf', size: 200_000, mimeType: 'application/pdf' });
    const content = await get(jira, `/rest/api/3/attachment/content/${uploaded.id}?redirect=false`, APP);
    expect(content.status).toBe(200);
    expect(new Uint8Array(content.bytes)).toEqual(bytes);
    const issue = await get(jira, '/rest/api/3/issue/DEMO-2?fields=attachment', APP);
    expect(issue.json<{ fields: { attachment: { id: string }[] } }>().fields.attachment.map((a) => a.id)).toContain(
      uploaded.id,
    );
    expect(events.map((event) => event.eventType)).toEqual(['avi:jira:created:attachment']);
    // Through the app's own download, too.
    await expect(downloadAttachment(uploaded.id, uploaded.size, asApp)).resolves.toEqual(bytes);
  });

  it('blocks an upload without X-Atlassian-Token: no-check (403), and a JSON body (415)', async () => {
    const jira = newJira();
    const form = new FormData();
    form.append('file', new Blob(['hi'], { type: 'text/plain' }), 'hi.txt');
    const carrier = new Response(form);
    const body = Buffer.from(await carrier.arrayBuffer());
    const contentType = carrier.headers.get('content-type') ?? '';
    const blocked = await jira.handle(
      { method: 'POST', path: '/rest/api/3/issue/DEMO-1/attachments', headers: { 'content-type': contentType }, body },
      APP,
    );
    expect(blocked.status).toBe(403);
    const json = await send(
      jira,
      'POST',
      '/rest/api/3/issue/DEMO-1/attachments',
      APP,
      { file: 'x' },
      {
        'content-type': 'application/json',
        'x-atlassian-token': 'no-check',
      },
    );
    expect(json.status).toBe(415);
  });

  it('refuses a file over the upload limit (413) and a person who may not browse the issue (404)', async () => {
    const jira = newJira();
    const asApp = requestJiraInto(jira, APP);
    const big = { name: 'big.bin', contentType: 'application/octet-stream', bytes: new Uint8Array(10_485_761) };
    await expect(uploadAttachment('DEMO-1', big, asApp)).rejects.toMatchObject({
      code: JiraErrorCode.AttachmentTooLarge,
    });
    const small = { name: 'a.txt', contentType: 'text/plain', bytes: new Uint8Array([65]) };
    await expect(uploadAttachment('OPS-1', small, requestJiraInto(jira, as(CASEY_CUSTOMER)))).rejects.toMatchObject({
      code: JiraErrorCode.IssueNotFound,
    });
  });
});
