import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import PostalMime from 'postal-mime';

import { extractHtmlReply } from '../../src/incoming/content/html-reply';
import { extractTextReply } from '../../src/incoming/content/text-reply';
import { adfText } from './support/adf-text';

/** Mail from public reply-parsing projects' test corpora (each folder holds its LICENSE and a README naming the commit). */
const FIXTURES = join(__dirname, 'fixtures');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

/** crisp-oss/email-reply-parser's test.js expects this first fragment of most of its fixtures. */
const CRISP_FIRST_FRAGMENT = [
  'Fusce bibendum, quam hendrerit sagittis tempor, dui turpis tempus erat, pharetra sodales ante sem sit amet metus.',
  'Nulla malesuada, orci non vulputate lobortis, massa felis pharetra ex, convallis consectetur ex libero eget ante.',
  'Nam vel turpis posuere, rhoncus ligula in, venenatis orci. Duis interdum venenatis ex a rutrum.',
  'Duis ut libero eu lectus consequat consequat ut vel lorem. Vestibulum convallis lectus urna,',
  'et mollis ligula rutrum quis. Fusce sed odio id arcu varius aliquet nec nec nibh.',
].join('\n');

describe('plain-text replies of crisp-oss/email-reply-parser (German, French, Italian, Portuguese, Russian, Norwegian, Outlook, iOS, Gmail, MSN)', () => {
  it.each([
    'email_german',
    'email_german_2',
    'email_german_outlook',
    'email_french_2',
    'email_fr_multiline',
    'email_italian',
    'email_portuguese',
    'email_russian',
    'email_norwegian_gmail',
    'email_ios_outlook',
    'email_ios_outlook_fr',
    'email_outlook_split_line_from',
    'email_gmail_split_line_from',
    'email_original_message',
    'email_msn',
  ])('%s leaves the first fragment crisp expects', (name) => {
    expect(extractTextReply(fixture(`crisp-email-reply-parser/${name}.txt`))).toBe(CRISP_FIRST_FRAGMENT);
  });

  it.each([
    ['email_iphone', 'Here is another email'],
    ['email_sent_from', 'Hi it can happen to any texts you type, as long as you type in between words or paragraphs.'],
    ['email_with_regards', 'Hi,\n\nI still have the same problem....\n\nCan you help?'],
    ['email_zoho', 'What is the best way to clear a Riak bucket of all key, values after\nrunning a test?'],
  ])('%s', (name, expected) => {
    expect(extractTextReply(fixture(`crisp-email-reply-parser/${name}.txt`))).toBe(expected);
  });
});

describe("plain-text replies of GitHub's email_reply_parser", () => {
  it.each([
    ['email_2_1', 'Outlook with a reply'],
    ['email_2_2', 'Outlook with a reply directly above line'],
    ['email_BlackBerry', 'Here is another email'],
    ['email_iPhone', 'Here is another email'],
    ['email_multi_word_sent_from_my_mobile_device', 'Here is another email'],
    ['correct_sig', 'this is an email with a correct -- signature.'],
    [
      'email_one_is_not_on',
      'Thank, this is really helpful.\n\nOne outstanding question I had:\n\nLocally (on development), when I run...',
    ],
    [
      'greedy_on',
      'On your remote host you can run:\n\n     telnet 127.0.0.1 52698\n\n' +
        'This should connect to TextMate (on your Mac, via the tunnel). If that\nfails, the tunnel is not working.',
    ],
    [
      'email_1_5',
      "One: Here's what I've got.\n\n- This would be the first bullet point that wraps to the second line\nto the next\n" +
        "- This is the second bullet point and it doesn't wrap\n" +
        "- This is the third bullet point and I'm having trouble coming up with enough\nto say\n" +
        '- This is the fourth bullet point\n\nTwo:\n- Here is another bullet point\n- And another one\n\n' +
        'This is a paragraph that talks about a bunch of stuff. It goes on and on\nfor a while.',
    ],
    // Known gap: a "-Name" signature and a mailing list's footer are no signature to either parser, so they stay.
    [
      'email_1_3',
      'Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona\n\n\n' +
        '_______________________________________________\nriak-users mailing list\nriak-users@lists.basho.com\n' +
        'http://lists.basho.com/mailman/listinfo/riak-users_lists.basho.com',
    ],
  ])('%s', (name, expected) => {
    expect(extractTextReply(fixture(`email_reply_parser/${name}.txt`))).toBe(expected);
  });

  it('parses the pathological email quickly (the gem asks for under a second)', () => {
    const started = Date.now();
    expect(extractTextReply(fixture('email_reply_parser/pathological.txt'))).toBe(
      "I think you're onto something. I will try to fix the problem as soon as I\nget back to a computer.",
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("mailgun/talon's standard replies (.eml of 12 clients: Android, AOL, Apple Mail, Gmail, Hotmail, iPhone, Outlook, …)", () => {
  const names = [
    'android',
    'aol',
    'apple_mail',
    'apple_mail_2',
    'comcast',
    'gmail',
    'hotmail',
    'iphone',
    'outlook',
    'sparrow',
    'thunderbird',
    'yahoo',
  ];

  // talon expects "Hello" (its iphone and sparrow files keep the signature, which this app removes on purpose).
  it.each(names)('%s leaves "Hello"', async (name) => {
    const email = await PostalMime.parse(fixture(`talon/standard_replies/${name}.eml`));
    expect(extractTextReply(email.text ?? '')).toBe('Hello');
  });
});

describe("mailgun/talon's HTML replies (Gmail, Hotmail, Mail.ru, Outlook 2003/2007/2010, Thunderbird, Windows Mail, Yandex)", () => {
  it.each([
    'gmail',
    'hotmail',
    'mail_ru',
    'ms_outlook_2003',
    'ms_outlook_2007',
    'ms_outlook_2010',
    'thunderbird',
    'windows_mail',
    'yandex_ru',
  ])('%s leaves talon\'s "Hi. I am fine. Thanks, Alex"', (name) => {
    const reply = extractHtmlReply(fixture(`talon/html_replies/${name}.html`));
    // talon compares without white space; the ADF's words must be exactly these, whatever the line breaks.
    expect(adfText(reply.doc).replace(/\s+/g, ' ')).toBe('Hi. I am fine. Thanks, Alex');
  });
});
