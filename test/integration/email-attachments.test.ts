import { data } from './support/answers';
import { type LocalStack, useLocalStack } from './support/local-stack';

/**
 * Issue 12, item 14, through the real handlers and the Graph emulator: DEMO-1's description shows
 * outlook-sync-error.png (attachment 10100); the email carries it only when the rendered body shows it, once.
 */
let stack: LocalStack;
useLocalStack((started) => {
  stack = started;
});

const MAILBOX = 'support@contoso.onmicrosoft.com';
const SCREENSHOT_CID = 'image-10100@issue-mailer';

interface PreviewData {
  attachments: Array<{ filename: string; inline: boolean; shownInBody?: boolean }>;
}

/** Previews, sends and waits for the outbox; answers the preview and the attachments the emulator received. */
const previewAndSend = async (content: Record<string, unknown>) => {
  const payload = { to: ['reader@example.com'], subject: '[DEMO-1] Attachments', message: '', ...content };
  const preview = data<PreviewData>(await stack.issueAction('previewIssueEmail', payload));
  data(await stack.issueAction('sendIssueEmail', payload));
  await stack.outboxIdle();
  const sent = stack.microsoft.sentMessages(MAILBOX).at(-1);
  const attachments = (sent?.message.attachments ?? []).map((attachment) => ({
    name: attachment.name,
    isInline: attachment.isInline === true,
    contentId: attachment.contentId,
  }));
  return { preview: preview.attachments, sent: attachments, body: sent?.message.body?.content ?? '' };
};

describe("an issue email's attachments, as the Graph emulator receives them", () => {
  beforeAll(async () => {
    data(await stack.admin('saveCredential', stack.credential()));
  });

  it('carries no image of the description when the template does not show it', async () => {
    const template = data<{ id: string }>(
      await stack.admin('saveTemplate', {
        name: 'Summary only',
        subject: '{{ issue.summary }}',
        body: '<p>{{ issue.summary }}</p>',
      }),
    );
    const { preview, sent, body } = await previewAndSend({ templateId: template.id, attachmentIds: ['10101'] });
    expect(preview).toEqual([
      { filename: 'outlook-sync.log', size: expect.any(Number), inline: false, shownInBody: false },
    ]);
    expect(sent).toEqual([{ name: 'outlook-sync.log', isInline: false, contentId: undefined }]);
    expect(body).not.toContain('cid:');
  });

  it('embeds the screenshot once with the built-in layout', async () => {
    const { preview, sent, body } = await previewAndSend({});
    expect(preview).toEqual([
      { filename: 'outlook-sync-error.png', size: expect.any(Number), inline: true, shownInBody: true },
    ]);
    expect(sent).toEqual([{ name: 'outlook-sync-error.png', isInline: true, contentId: SCREENSHOT_CID }]);
    expect(body).toContain(`cid:${SCREENSHOT_CID}`);
  });

  it('sends the screenshot once when it is also chosen, as the file chosen that the body shows too', async () => {
    const { preview, sent, body } = await previewAndSend({ attachmentIds: ['10100', '10101'] });
    expect(preview.map((file) => [file.filename, file.inline, file.shownInBody])).toEqual([
      ['outlook-sync-error.png', false, true],
      ['outlook-sync.log', false, false],
    ]);
    expect(sent).toEqual([
      { name: 'outlook-sync-error.png', isInline: false, contentId: SCREENSHOT_CID },
      { name: 'outlook-sync.log', isInline: false, contentId: undefined },
    ]);
    expect(body).toContain(`cid:${SCREENSHOT_CID}`);
  });
});
