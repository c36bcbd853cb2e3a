import { extractTextReply } from '../../src/incoming/content/text-reply';
import { textToAdf } from '../../src/incoming/content/text-to-adf';

/** Replies as each client writes them in plain text (self-written after real mail; the corpora are in reply-corpus). */
const REPLIES: Array<[string, string, string]> = [
  [
    'Outlook desktop: separator line, From/Sent/To/Subject, a "Best regards" signature',
    [
      'Thanks, the printer works again.',
      '',
      'Best regards',
      'Anna',
      '',
      '________________________________',
      'From: Issue Mailer <jira@example.com>',
      'Sent: Monday, March 2, 2026 10:15 AM',
      'To: Anna Schmidt <anna@example.org>',
      'Subject: [DEMO-1] Printer on floor 3',
      '',
      'The printer is broken.',
    ].join('\r\n'),
    'Thanks, the printer works again.',
  ],
  [
    'Outlook desktop: the From line without an address',
    [
      'Please close it.',
      '',
      'From: Issue Mailer',
      'Sent: Monday, March 2, 2026 10:15 AM',
      'To: Anna Schmidt',
      'Subject: [DEMO-1] Printer',
      '',
      'Old text',
    ].join('\n'),
    'Please close it.',
  ],
  [
    'Outlook on the web: -----Original Message-----',
    [
      'Done, see attached log.',
      '',
      '-----Original Message-----',
      'From: Issue Mailer [mailto:jira@example.com]',
      'Sent: Tuesday, March 3, 2026 9:00 AM',
      'Subject: DEMO-2',
      '',
      'Could you send the log?',
    ].join('\n'),
    'Done, see attached log.',
  ],
  [
    'German Outlook: Von/Gesendet/An/Betreff',
    [
      'Danke, es funktioniert wieder.',
      '',
      'Von: Issue Mailer <jira@example.com>',
      'Gesendet: Montag, 2. März 2026 10:15',
      'An: Anna Schmidt <anna@example.org>',
      'Betreff: [DEMO-1] Drucker',
      '',
      'Der Drucker ist kaputt.',
    ].join('\n'),
    'Danke, es funktioniert wieder.',
  ],
  [
    'French Outlook: De / Envoyé / À / Objet, "Cordialement" signature',
    [
      "Merci, c'est réglé.",
      '',
      'Cordialement',
      'Jean',
      '',
      'De : Issue Mailer <jira@example.com>',
      'Envoyé : lundi 2 mars 2026 10:15',
      'À : Jean Dupont <jean@example.fr>',
      'Objet : [DEMO-1] Imprimante',
      '',
      "L'imprimante est en panne.",
    ].join('\n'),
    "Merci, c'est réglé.",
  ],
  [
    'Gmail: "On … wrote:" wrapped over two lines, quoted with >',
    [
      'Yes, please go ahead.',
      '',
      'On Mon, Mar 2, 2026 at 10:15 AM Issue Mailer <jira@example.com>',
      'wrote:',
      '',
      '> Shall we restart the server?',
    ].join('\n'),
    'Yes, please go ahead.',
  ],
  [
    'German Gmail: "Am … schrieb …:"',
    [
      'Passt, danke!',
      '',
      'Am Di., 3. März 2026 um 10:15 Uhr schrieb Issue Mailer <jira@example.com>:',
      '',
      '> Bitte bestätigen.',
    ].join('\n'),
    'Passt, danke!',
  ],
  [
    'Apple Mail on an iPhone: "Sent from my iPhone", a German attribution line',
    [
      'Ok, on my way.',
      '',
      'Sent from my iPhone',
      '',
      '> Am 03.03.2026 um 10:15 schrieb Issue Mailer <jira@example.com>:',
      '> ',
      '> Technician needed.',
    ].join('\n'),
    'Ok, on my way.',
  ],
  [
    'a "-- " signature, then a Gmail quote',
    [
      'Attached the screenshot.',
      '',
      '-- ',
      'Anna Schmidt | Support',
      '+49 30 1234567',
      '',
      'On Mon, Mar 2, 2026 at 10:15 AM Issue Mailer <jira@example.com> wrote:',
      '> Please send a screenshot.',
    ].join('\n'),
    'Attached the screenshot.',
  ],
  [
    'no quote and no signature: the text as written, lines kept',
    'Hello team,\n\nthe VPN drops every hour.\nSince Monday.',
    'Hello team,\n\nthe VPN drops every hour.\nSince Monday.',
  ],
];

describe('extractTextReply: only the new part of a plain-text reply', () => {
  it.each(REPLIES)('%s', (_client, mail, expected) => {
    expect(extractTextReply(mail)).toBe(expected);
  });

  it('a reply that is only a quote leaves nothing', () => {
    expect(extractTextReply('On Mon, Mar 2, 2026 at 10:15 AM Anna <a@example.org> wrote:\n> old')).toBe('');
  });
});

describe('textToAdf: a text body as ADF paragraphs', () => {
  it('makes a paragraph per block and a hardBreak per line break', () => {
    expect(textToAdf('Hello team,\r\n\r\nthe VPN drops.\nSince Monday.\n \n\n')).toEqual({
      version: 1,
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Hello team,' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'the VPN drops.' },
            { type: 'hardBreak' },
            { type: 'text', text: 'Since Monday.' },
          ],
        },
      ],
    });
  });

  it('keeps markup as text: nothing in a text body becomes a link or a node', () => {
    expect(textToAdf('<script>alert(1)</script> [x](javascript:alert(2))').content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script> [x](javascript:alert(2))' }] },
    ]);
  });

  it('makes a document without content of empty text', () => {
    expect(textToAdf(' \n\n ')).toEqual({ version: 1, type: 'doc', content: [] });
  });
});
