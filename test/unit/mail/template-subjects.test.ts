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
    expect(options).toEqual([
      { id: 'built-in', name: 'Standard', subject: '[DEMO-3] VPN disconnects' },
      { id: 'tpl-update', name: 'Customer update', subject: '[DEMO-3] Update on your request: VPN disconnects' },
      { id: 'tpl-empty', name: 'Empty subject', subject: '[DEMO-3] VPN disconnects' },
      { id: 'tpl-broken', name: 'Broken', subject: '[DEMO-3] VPN disconnects' },
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
});
