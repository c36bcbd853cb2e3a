import { ALEX_ADMIN, SAM_AGENT } from '../../../local/jira';
import { APP, as, get, newJira, send } from './helpers';

interface RenderedIssue {
  fields: { description: unknown };
  renderedFields: { description: string };
}

const SCREENSHOT = 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310100';
const PRINTER_GUIDE = 'b3c1f0e2-6d4a-4f8b-9c2e-1a7d5e310105';

const media = (id: string, alt?: string) => ({
  type: 'media',
  attrs: { id, type: 'file', collection: '', ...(alt ? { alt } : {}) },
});

describe('attachments embedded in rich text', () => {
  const jira = newJira();

  it("renders the screenshot in DEMO-1's description as an image from the REST content URL", async () => {
    const body = (
      await get(jira, '/rest/api/3/issue/DEMO-1?fields=description&expand=renderedFields', as(SAM_AGENT))
    ).json<RenderedIssue>();
    expect(body.renderedFields.description).toContain(
      '<p>This is what Outlook shows:</p>\n\n<p><span class="image-wrap" style=""><img src="/rest/api/3/attachment/content/10100" alt="outlook-sync-error.png"></span></p>',
    );
    expect(JSON.stringify(body.fields.description)).toContain(
      `{"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"id":"${SCREENSHOT}","type":"file","collection":"","alt":"outlook-sync-error.png","width":320,"height":200}}]}`,
    );
  });

  it('points REST v2 renderings at v2 and writes wiki markup for the image', async () => {
    const body = (
      await get(jira, '/rest/api/2/issue/DEMO-1?fields=description&expand=renderedFields', as(SAM_AGENT))
    ).json<{
      fields: { description: string };
      renderedFields: { description: string };
    }>();
    expect(body.renderedFields.description).toContain(
      '<img src="/rest/api/2/attachment/content/10100" alt="outlook-sync-error.png">',
    );
    expect(body.fields.description).toContain('This is what Outlook shows:\n\n!outlook-sync-error.png|thumbnail!');
  });

  it('renders a known file as a link, and an unknown media node by its name only', async () => {
    const posted = await send(jira, 'POST', '/rest/api/3/issue/DEMO-4/comment?expand=renderedBody', APP, {
      body: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'mediaGroup', content: [media(PRINTER_GUIDE, 'printer-setup-guide.pdf')] },
          {
            type: 'mediaSingle',
            attrs: { layout: 'center' },
            content: [media('00000000-0000-4000-8000-000000000000', 'gone.png')],
          },
        ],
      },
    });
    expect(posted.status).toBe(201);
    expect(posted.json<{ renderedBody: string }>().renderedBody).toBe(
      '<p><span class="nobr"><a href="/rest/api/3/attachment/content/10105" title="printer-setup-guide.pdf">printer-setup-guide.pdf</a></span></p>\n\n' +
        '<p><span class="image-wrap" style="">gone.png</span></p>',
    );
  });

  it('renders an app comment that mentions the sender, with the app as author', async () => {
    const posted = await send(jira, 'POST', '/rest/api/3/issue/DEMO-1/comment', APP, {
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Emailed to a@example.com by ' },
              { type: 'mention', attrs: { id: ALEX_ADMIN.accountId, accessLevel: '' } },
              { type: 'text', text: ': DEMO-1 status' },
            ],
          },
        ],
      },
    });
    expect(posted.status).toBe(201);
    const { id } = posted.json<{ id: string }>();
    const newest = (
      await get(
        jira,
        '/rest/api/3/issue/DEMO-1/comment?orderBy=-created&expand=renderedBody&maxResults=1',
        as(SAM_AGENT),
      )
    ).json<{
      total: number;
      comments: { id: string; author: { accountType: string; displayName: string }; renderedBody: string }[];
    }>();
    expect(newest.total).toBe(4);
    expect(newest.comments).toHaveLength(1);
    expect(newest.comments[0]).toMatchObject({
      id,
      author: { accountType: 'app', displayName: 'Issue Mailer for Jira' },
    });
    expect(newest.comments[0]?.renderedBody).toBe(
      `<p>Emailed to a@example.com by <a href="http://127.0.0.1:4000/secure/ViewProfile.jspa?accountId=${ALEX_ADMIN.accountId}" class="user-hover" rel="${ALEX_ADMIN.accountId}" data-account-id="${ALEX_ADMIN.accountId}" accountid="${ALEX_ADMIN.accountId}">Alex Admin</a>: DEMO-1 status</p>`,
    );
  });
});
