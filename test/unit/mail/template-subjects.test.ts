import type { TemplateView } from '../../../src/contract/templates';
import { templateOptions } from '../../../src/mail/template-subjects';
import { issueSnapshot } from '../support/issue';

const template = (id: string, name: string, subject: string): TemplateView => ({
  id,
  name,
  subject,
  body: '<p>{{ issue.summary }}</p>',
  builtIn: id === 'built-in',
  updatedAt: null,
});

describe('templateOptions', () => {
  it("renders each template's subject for the issue, with the issue key, falling back to the default subject", async () => {
    const issue = issueSnapshot({ key: 'DEMO-3', summary: 'VPN   disconnects' });
    const senderName = jest.fn(async () => 'Sam Rivera');
    const options = await templateOptions(
      [
        template('built-in', 'Standard', '[{{ issue.key }}] {{ issue.summary }}'),
        template('tpl-update', 'Customer update', 'Update on your request: {{ issue.summary }}'),
        template('tpl-empty', 'Empty subject', '{% if false %}x{% endif %}'),
        template('tpl-broken', 'Broken', '{{ issue.summary | nosuchfilter }}'),
      ],
      { issue, senderName, senderMailbox: 'support@contoso.com' },
    );
    const none = { fields: false, description: false, comments: false };
    expect(options).toEqual([
      { id: 'built-in', name: 'Standard', subject: '[DEMO-3] VPN disconnects', uses: none },
      {
        id: 'tpl-update',
        name: 'Customer update',
        subject: '[DEMO-3] Update on your request: VPN disconnects',
        uses: none,
      },
      { id: 'tpl-empty', name: 'Empty subject', subject: '[DEMO-3] VPN disconnects', uses: none },
      // A template that does not parse is offered with every choice.
      {
        id: 'tpl-broken',
        name: 'Broken',
        subject: '[DEMO-3] VPN disconnects',
        uses: { fields: true, description: true, comments: true },
      },
    ]);
    // No subject names the sender: their name is not read.
    expect(senderName).not.toHaveBeenCalled();
  });

  it("reads the sender's name once when a subject uses it", async () => {
    const senderName = jest.fn(async () => 'Sam Rivera');
    const options = await templateOptions([template('tpl-1', 'From me', '{{ sender.name }} about {{ issue.key }}')], {
      issue: issueSnapshot({ key: 'DEMO-1' }),
      senderName,
      senderMailbox: 'support@contoso.com',
    });
    // Replies are matched by "[KEY]": a subject without it gets it in front, as every sent subject does.
    expect(options.map((option) => option.subject)).toEqual(['[DEMO-1] Sam Rivera about DEMO-1']);
    expect(senderName).toHaveBeenCalledTimes(1);
  });

  it('says which content choices each template looks at', async () => {
    const withBody = (id: string, body: string): TemplateView => ({ ...template(id, id, '{{ issue.key }}'), body });
    const options = await templateOptions(
      [
        withBody('tpl-comments', '{% for comment in comments %}{{ comment.body_html }}{% endfor %}'),
        withBody('tpl-description', '{% if include.fields %}{{ issue.status }}{% endif %}{{ issue.description_html }}'),
      ],
      {
        issue: issueSnapshot({ key: 'DEMO-1' }),
        senderName: async () => 'Sam Rivera',
        senderMailbox: 'support@contoso.com',
      },
    );
    expect(options.map((option) => [option.id, option.uses])).toEqual([
      ['tpl-comments', { fields: false, description: false, comments: true }],
      ['tpl-description', { fields: true, description: true, comments: false }],
    ]);
  });
});
