import { sampleIssue } from '../support/fake-jira';
import { configuredWorld, issueRequest, silenceWarnings } from '../support/resolvers';

/** Issue 12, item 14: the email carries what its rendered body uses, and the preview lists exactly that. */

const SHOT = Uint8Array.from({ length: 2_000 }, (_, i) => i % 251);
const LOG = Uint8Array.from({ length: 700 }, (_, i) => (i * 3) % 251);
const payload = { to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: '' };

interface SentAttachment {
  name: string;
  isInline: boolean;
  contentId?: string;
}

const worldWithScreenshot = async () => {
  const world = await configuredWorld({
    issue: sampleIssue({}, '<p>See <img src="/rest/api/3/attachment/content/10100" alt="shot.png"></p>'),
  });
  world.issueData.attachments = [
    { id: '10100', filename: 'shot.png', size: SHOT.length, mimeType: 'image/png', bytes: SHOT },
    { id: '10101', filename: 'sync.log', size: LOG.length, mimeType: 'text/plain', bytes: LOG },
  ];
  return world;
};

type World = Awaited<ReturnType<typeof worldWithScreenshot>>;

/** The attachments of the one sendMail the worker made. */
const sentAttachments = (world: World): SentAttachment[] => {
  const sends = world.microsoft.calls.filter((call) => call.url.endsWith('/sendMail'));
  expect(sends).toHaveLength(1);
  const body = JSON.parse(sends[0]?.body ?? '{}') as { message: { attachments?: SentAttachment[] } };
  return (body.message.attachments ?? []).map(({ name, isInline, contentId }) => ({
    name,
    isInline,
    ...(contentId === undefined ? {} : { contentId }),
  }));
};

const previewAndSend = async (world: World, content: Record<string, unknown>) => {
  const preview = await world.issueAction.previewIssueEmail(issueRequest({ ...payload, ...content }));
  await expect(world.issueAction.sendIssueEmail(issueRequest({ ...payload, ...content }))).resolves.toMatchObject({
    ok: true,
  });
  await expect(world.drainOutbox()).resolves.toEqual(['sent']);
  return preview;
};

describe('attachments of an issue email', () => {
  silenceWarnings();

  it('leaves out the description image of a template that does not show the description', async () => {
    const world = await worldWithScreenshot();
    const saved = await world.templates.save({
      name: 'Summary only',
      subject: '{{ issue.summary }}',
      body: '<p>{{ issue.summary }}</p>',
    });

    const preview = await previewAndSend(world, { templateId: saved.id });

    expect(preview).toMatchObject({ ok: true, data: { attachments: [], attachmentBytes: 0 } });
    expect(sentAttachments(world)).toEqual([]);
    const stored = await world.records.get('00000000-0000-4000-8000-000000000001');
    expect(stored?.attachmentCount).toBe(0);
  });

  it('embeds the description image once with the built-in layout', async () => {
    const world = await worldWithScreenshot();

    const preview = await previewAndSend(world, {});

    expect(preview).toMatchObject({
      ok: true,
      data: {
        attachments: [{ filename: 'shot.png', size: 2_000, inline: true, shownInBody: true }],
        attachmentBytes: 2_000,
      },
    });
    expect(sentAttachments(world)).toEqual([
      { name: 'shot.png', isInline: true, contentId: 'image-10100@issue-mailer' },
    ]);
  });

  it('sends the description image once when it is also chosen as a file, and the preview lists two files, not three', async () => {
    const world = await worldWithScreenshot();

    const preview = await previewAndSend(world, { attachmentIds: ['10100', '10101'] });

    expect(preview).toMatchObject({
      ok: true,
      data: {
        attachments: [
          { filename: 'shot.png', size: 2_000, inline: false, shownInBody: true },
          { filename: 'sync.log', size: 700, inline: false, shownInBody: false },
        ],
        attachmentBytes: 2_700,
      },
    });
    expect(preview.ok && preview.data.html).toContain('src="data:image/png;base64,');
    expect(sentAttachments(world)).toEqual([
      { name: 'shot.png', isInline: false, contentId: 'image-10100@issue-mailer' },
      { name: 'sync.log', isInline: false },
    ]);
    const history = await world.issueAction.listEmailHistory(issueRequest({}));
    expect(history).toMatchObject({ ok: true, data: [{ attachmentCount: 2 }] });
  });

  it('leaves out a comment image when the template shows no comments', async () => {
    const world = await worldWithScreenshot();
    world.issueData.comments = [
      {
        id: '1',
        author: 'Casey',
        created: '2024-03-08T10:22:05.000+0000',
        bodyHtml: '<p><img src="/rest/api/3/attachment/content/10100" alt="shot.png"></p>',
      },
    ];
    const saved = await world.templates.save({
      name: 'Fields only',
      subject: '{{ issue.summary }}',
      body: '<p>{{ issue.status }}</p>',
    });

    const preview = await previewAndSend(world, { templateId: saved.id, includeDescription: false, comments: 'all' });

    expect(preview).toMatchObject({ ok: true, data: { attachments: [] } });
    expect(sentAttachments(world)).toEqual([]);
  });
});
