import { PROCESS_REASONS } from '../../../src/incoming/process/process-reasons';
import { formatDateTime } from '../../../src/shared/format-dates';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { attachmentBytes, attachmentsOf, binaryFile } from './round-trip-support';
import { eventually, type IncomingStack, jiraGet, saveHandler, startIncomingStack } from './support';

/**
 * Issue 15: a new email (no issue key, an unknown thread) opens one issue in the handler's project, its HTML body
 * converted to ADF, its attachments copied; mail from a domain the handler does not take creates nothing and is
 * logged as refused.
 */

let stack: IncomingStack;

beforeAll(async () => {
  stack = await startIncomingStack();
  await saveHandler(stack.host, { senders: 'domains', allowedDomains: ['fabrikam.example'] });
  expect((await stack.host.runTrigger('incoming-mail-upkeep')).outcome).toBe('succeeded');
  await stack.host.queue.whenIdle();
});

afterAll(async () => {
  await stack?.close();
});

/** The message's record once processing is over. */
const finalRecord = (internetMessageId: string) =>
  eventually(
    () => stack.records().find((one) => one.internetMessageId === internetMessageId && one.status !== 'processing'),
    10_000,
    `the record of ${internetMessageId}`,
  );

interface NewIssue {
  fields: {
    summary: string;
    description: unknown;
    project: { key: string };
    issuetype: { id: string };
    reporter: { displayName: string };
  };
}

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

describe('new mail', () => {
  it('opens one issue in the handler project: summary, converted HTML, author line and attachments', async () => {
    const { host } = stack;
    const before = host.jira.issueKeys();
    const photo = binaryFile(9_000);
    const invoice = binaryFile(20_000).reverse();
    const delivered = host.microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromName: 'Riley Buyer',
      fromAddress: 'riley@fabrikam.example',
      subject: 'Order 4711 arrived damaged',
      text: '',
      html:
        '<h2>What happened</h2><p>The box arrived <b>crushed</b>:</p>' +
        '<ul><li>two cups broken</li><li>the lid is missing</li></ul>' +
        '<p><img src="cid:box-photo@fabrikam.example" alt="the box"></p><p>Please replace them.</p>',
      attachments: [
        {
          name: 'box.png',
          contentType: 'image/png',
          contentBytes: photo.toString('base64'),
          isInline: true,
          contentId: 'box-photo@fabrikam.example',
        },
        { name: 'invoice.pdf', contentType: 'application/pdf', contentBytes: invoice.toString('base64') },
      ],
    });
    const record = await finalRecord(delivered.internetMessageId);
    const created = host.jira.issueKeys().filter((key) => !before.includes(key));
    expect(created).toHaveLength(1);
    const key = created[0] ?? '';
    expect(record).toMatchObject({ status: 'created', issueKey: key, subject: 'Order 4711 arrived damaged' });

    const attachments = await attachmentsOf(host, key);
    expect(attachments.map(({ filename, mimeType, size }) => ({ filename, mimeType, size }))).toEqual([
      { filename: 'box.png', mimeType: 'image/png', size: photo.length },
      { filename: 'invoice.pdf', mimeType: 'application/pdf', size: invoice.length },
    ]);
    expect((await attachmentBytes(host, attachments[0]?.id ?? '')).equals(photo)).toBe(true);
    expect((await attachmentBytes(host, attachments[1]?.id ?? '')).equals(invoice)).toBe(true);
    const { mediaApiFileId } = await jiraGet<{ mediaApiFileId: string }>(
      host,
      `/rest/api/3/attachment/${attachments[0]?.id ?? ''}`,
    );
    expect(mediaApiFileId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);

    const issue = await jiraGet<NewIssue>(
      host,
      `/rest/api/3/issue/${key}?fields=summary,description,project,issuetype,reporter`,
    );
    expect(issue.fields.summary).toBe('Order 4711 arrived damaged');
    expect(issue.fields.project.key).toBe('DEMO');
    expect(issue.fields.issuetype.id).toBe('10002');
    // Riley is no Jira user: the handler's default reporter reports it, the author line keeps who wrote it.
    expect(issue.fields.reporter.displayName).toMatch(/^Sam/);
    expect(issue.fields.description).toEqual({
      type: 'doc',
      version: 1,
      content: [
        paragraph(
          text('Riley Buyer', [{ type: 'strong' }]),
          text(' <'),
          text('riley@fabrikam.example', [{ type: 'link', attrs: { href: 'mailto:riley@fabrikam.example' } }]),
          text('>'),
          text(` wrote on ${formatDateTime(delivered.sentDateTime ?? delivered.receivedDateTime, 'UTC')}:`),
        ),
        { type: 'heading', attrs: { level: 2 }, content: [text('What happened')] },
        paragraph(text('The box arrived '), text('crushed', [{ type: 'strong' }]), text(':')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('two cups broken'))] },
            { type: 'listItem', content: [paragraph(text('the lid is missing'))] },
          ],
        },
        // The inline image in place, from its upload (ADF media nodes name the Media Services file id).
        {
          type: 'mediaSingle',
          attrs: { layout: 'center' },
          content: [{ type: 'media', attrs: { type: 'file', id: mediaApiFileId, collection: '', alt: 'the box' } }],
        },
        paragraph(text('Please replace them.')),
      ],
    });
  });

  it('from a domain the handler does not take creates nothing and is logged as refused', async () => {
    const { host } = stack;
    const before = host.jira.issueKeys();
    const delivered = host.microsoft.deliverMail({
      mailbox: SUPPORT_MAILBOX,
      fromName: 'Casey Outsider',
      fromAddress: 'casey@outsider.example',
      subject: 'Please open a ticket for me',
      text: 'I am not on the list.',
    });
    const record = await finalRecord(delivered.internetMessageId);
    expect(record).toMatchObject({ status: 'ignored', reason: PROCESS_REASONS.RefusedSender });
    expect(record.issueKey).toBeUndefined();
    expect(host.jira.issueKeys()).toEqual(before);
    expect(stack.records().filter((one) => one.internetMessageId === delivered.internetMessageId)).toHaveLength(1);
  });
});
