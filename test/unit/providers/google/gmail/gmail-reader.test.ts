import type { GmailReadDeps } from '../../../../../src/providers/google/gmail/gmail-call';
import { GmailError } from '../../../../../src/providers/google/gmail/gmail-errors';
import { currentHistoryId, listHistory } from '../../../../../src/providers/google/gmail/gmail-history';
import { ensureLabel, findLabel } from '../../../../../src/providers/google/gmail/gmail-labels';
import {
  findByMessageId,
  markRead,
  moveToLabel,
  readRawMessage,
} from '../../../../../src/providers/google/gmail/gmail-messages';

const BASE = 'https://gmail.googleapis.com';
const USERS = `${BASE}/gmail/v1/users/me`;

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** A Gmail stand-in answering from a queue and recording each request. */
const fakeGmail = (answers: Array<[number, unknown]>) => {
  const sent: Sent[] = [];
  const deps: GmailReadDeps = {
    baseUrl: BASE,
    env: {},
    tokenProvider: { getAccessToken: () => Promise.resolve('token-1') },
    fetch: (url, init) => {
      sent.push({
        method: String(init.method),
        url,
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      });
      const [status, body] = answers.shift() ?? [500, {}];
      return Promise.resolve(new Response(JSON.stringify(body), { status }));
    },
  };
  return { deps, sent };
};

const failure = async (promise: Promise<unknown>): Promise<GmailError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GmailError)) throw new Error(`expected a GmailError, got ${String(error)}`);
  return error;
};

const ref = (id: string, labelIds: string[] = ['INBOX', 'UNREAD']) => ({ id, threadId: `t-${id}`, labelIds });
const notFound = {
  error: {
    code: 404,
    message: 'Requested entity was not found.',
    errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }],
    status: 'NOT_FOUND',
  },
};

describe('listHistory', () => {
  it('follows every page: messages added, and those given the label later, each once; the last historyId', async () => {
    const { deps, sent } = fakeGmail([
      [
        200,
        {
          history: [
            { id: '1003', messages: [ref('a')], messagesAdded: [{ message: ref('a') }] },
            { id: '1007', labelsAdded: [{ message: ref('b', ['Label_3']), labelIds: ['Label_3'] }] },
            { id: '1009', labelsAdded: [{ message: ref('c', ['Label_3', 'STARRED']), labelIds: ['STARRED'] }] },
          ],
          nextPageToken: 'p2',
          historyId: '1020',
        },
      ],
      [
        200,
        { history: [{ id: '1012', messagesAdded: [{ message: ref('a') }, { message: ref('d') }] }], historyId: '1021' },
      ],
    ]);
    expect(await listHistory({ startHistoryId: '1000', labelId: 'Label_3' }, deps)).toEqual({
      messageIds: ['a', 'b', 'd'],
      historyId: '1021',
      pages: 2,
    });
    const query =
      'startHistoryId=1000&labelId=Label_3&historyTypes=messageAdded&historyTypes=labelAdded&maxResults=500';
    expect(sent.map((one) => `${one.method} ${one.url}`)).toEqual([
      `GET ${USERS}/history?${query}`,
      `GET ${USERS}/history?${query}&pageToken=p2`,
    ]);
  });

  it('an empty page still moves the position: Google leaves the empty list out', async () => {
    const { deps } = fakeGmail([[200, { historyId: '1100' }]]);
    expect(await listHistory({ startHistoryId: '1000', labelId: 'INBOX' }, deps)).toEqual({
      messageIds: [],
      historyId: '1100',
      pages: 1,
    });
  });

  it('a 404 is GMAIL_HISTORY_EXPIRED: the position is out of date, a full sync is needed', async () => {
    const { deps } = fakeGmail([[404, notFound]]);
    const error = await failure(listHistory({ startHistoryId: '5', labelId: 'INBOX' }, deps));
    expect([error.code, error.status, error.reason, error.transient]).toEqual([
      'GMAIL_HISTORY_EXPIRED',
      404,
      'notFound',
      false,
    ]);
    expect(error.message).toBe(
      'GET gmail.googleapis.com/gmail/v1/users/me/history answered 404 (notFound, NOT_FOUND). The history position ' +
        'is too old or invalid; a full sync is needed.',
    );
  });

  const invalid: Array<[string, unknown, string]> = [
    ['no historyId', { history: [] }, 'response field "historyId" must be a string of digits.'],
    ['a numeric historyId', { historyId: 1003 }, 'response field "historyId" must be a string of digits.'],
    [
      'a record without its message id',
      { history: [{ id: '1', messagesAdded: [{ message: { threadId: 't' } }] }], historyId: '2' },
      'response field "history[0].messagesAdded[0].message.id" must be a non-empty string.',
    ],
    [
      'labelIds not a list',
      { history: [{ id: '1', labelsAdded: [{ message: ref('a'), labelIds: 'INBOX' }] }], historyId: '2' },
      'response field "history[0].labelsAdded[0].labelIds" must be an array of non-empty strings.',
    ],
    ['history not a list', { history: {}, historyId: '2' }, 'response field "history" must be an array.'],
  ];
  it.each(invalid)('refuses an answer with %s, naming the field', async (_name, body, problem) => {
    const { deps } = fakeGmail([[200, body]]);
    const error = await failure(listHistory({ startHistoryId: '1', labelId: 'INBOX' }, deps));
    expect([error.code, error.message]).toEqual([
      'GMAIL_ANSWER_INVALID',
      `GET gmail.googleapis.com/gmail/v1/users/me/history answered 200: ${problem}`,
    ]);
  });
});

describe('currentHistoryId', () => {
  it("reads getProfile's historyId", async () => {
    const { deps, sent } = fakeGmail([
      [200, { emailAddress: 'support@example-google.test', messagesTotal: 3, threadsTotal: 2, historyId: '4711' }],
    ]);
    expect(await currentHistoryId({ ...deps, userId: 'support@example-google.test' })).toBe('4711');
    expect(sent[0]?.url).toBe(`${BASE}/gmail/v1/users/support%40example-google.test/profile`);
  });
});

describe('labels', () => {
  const labels = {
    labels: [
      { id: 'INBOX', name: 'INBOX', type: 'system' },
      { id: 'Label_2', name: 'Jira/Processed', type: 'user' },
    ],
  };

  it('finds a label by name regardless of case, without creating one', async () => {
    const { deps, sent } = fakeGmail([
      [200, labels],
      [200, labels],
    ]);
    expect(await findLabel('jira/processed', deps)).toEqual({ id: 'Label_2', name: 'Jira/Processed', type: 'user' });
    expect(await ensureLabel('Jira/Processed', deps)).toEqual({
      label: { id: 'Label_2', name: 'Jira/Processed', type: 'user' },
      created: false,
    });
    expect(sent.map((one) => one.method)).toEqual(['GET', 'GET']);
  });

  it('creates a missing label, shown in both lists', async () => {
    const { deps, sent } = fakeGmail([
      [200, labels],
      [200, { id: 'Label_3', name: 'Jira/Inbound', type: 'user' }],
    ]);
    expect(await ensureLabel(' Jira/Inbound ', deps)).toEqual({
      label: { id: 'Label_3', name: 'Jira/Inbound', type: 'user' },
      created: true,
    });
    expect(sent[1]).toEqual({
      method: 'POST',
      url: `${USERS}/labels`,
      body: { name: 'Jira/Inbound', labelListVisibility: 'labelShow', messageListVisibility: 'show' },
    });
  });

  it('reads the label back when another run created it meanwhile (409)', async () => {
    const conflict = {
      error: {
        code: 409,
        message: 'Label name exists or conflicts',
        errors: [{ message: 'Label name exists or conflicts', domain: 'global', reason: 'duplicate' }],
        status: 'ABORTED',
      },
    };
    const { deps } = fakeGmail([
      [200, labels],
      [409, conflict],
      [200, { labels: [...labels.labels, { id: 'Label_4', name: 'Jira/Inbound', type: 'user' }] }],
    ]);
    expect(await ensureLabel('Jira/Inbound', deps)).toEqual({
      label: { id: 'Label_4', name: 'Jira/Inbound', type: 'user' },
      created: false,
    });
  });
});

describe('messages', () => {
  const raw = 'From: a@b.c\r\nSubject: x\r\n\r\nhi\r\n';
  const message = {
    id: 'm1',
    threadId: 't1',
    labelIds: ['INBOX', 'UNREAD'],
    snippet: 'hi',
    historyId: '1003',
    internalDate: '1796605200000',
    sizeEstimate: raw.length,
    raw: Buffer.from(raw).toString('base64url'),
  };

  it('reads the raw message as bytes with its labels, thread and time', async () => {
    const { deps, sent } = fakeGmail([[200, message]]);
    const read = await readRawMessage('m1', deps);
    expect({ ...read, raw: Buffer.from(read.raw).toString('utf8') }).toEqual({
      id: 'm1',
      threadId: 't1',
      labelIds: ['INBOX', 'UNREAD'],
      historyId: '1003',
      internalDate: 1796605200000,
      sizeEstimate: raw.length,
      raw,
    });
    expect(sent[0]?.url).toBe(`${USERS}/messages/m1?format=raw`);
  });

  it('refuses a raw message that is not base64url, and a missing message as GMAIL_NOT_FOUND', async () => {
    const { deps } = fakeGmail([
      [200, { ...message, raw: 'a+b/' }],
      [404, notFound],
    ]);
    const invalid = await failure(readRawMessage('m1', deps));
    expect([invalid.code, invalid.message]).toEqual([
      'GMAIL_ANSWER_INVALID',
      'GET gmail.googleapis.com/gmail/v1/users/me/messages/m1 answered 200: response field "raw" must be base64url.',
    ]);
    expect((await failure(readRawMessage('m2', deps))).code).toBe('GMAIL_NOT_FOUND');
  });

  it('marks read by removing UNREAD, and "moves" by swapping labels', async () => {
    const { deps, sent } = fakeGmail([
      [200, { id: 'm1', threadId: 't1', labelIds: ['INBOX'] }],
      [200, { id: 'm1', threadId: 't1', labelIds: ['Label_9'] }],
    ]);
    expect(await markRead('m1', deps)).toEqual({ id: 'm1', labelIds: ['INBOX'] });
    expect(await moveToLabel('m1', 'INBOX', 'Label_9', deps)).toEqual({ id: 'm1', labelIds: ['Label_9'] });
    expect(sent).toEqual([
      { method: 'POST', url: `${USERS}/messages/m1/modify`, body: { addLabelIds: [], removeLabelIds: ['UNREAD'] } },
      {
        method: 'POST',
        url: `${USERS}/messages/m1/modify`,
        body: { addLabelIds: ['Label_9'], removeLabelIds: ['INBOX'] },
      },
    ]);
  });

  it('finds messages by Message-ID with q=rfc822msgid:', async () => {
    const { deps, sent } = fakeGmail([
      [200, { messages: [{ id: 'm1', threadId: 't1' }], resultSizeEstimate: 1 }],
      [200, { resultSizeEstimate: 0 }],
    ]);
    expect(await findByMessageId('<e-1.demo-1@example-google.test>', deps)).toEqual([{ id: 'm1', threadId: 't1' }]);
    expect(await findByMessageId('nothing@x.test', deps)).toEqual([]);
    expect(sent[0]?.url).toBe(`${USERS}/messages?q=rfc822msgid%3Ae-1.demo-1%40example-google.test&maxResults=10`);
    const refused = await failure(findByMessageId('<a b>', deps));
    expect([refused.code, refused.message]).toEqual([
      'GMAIL_BAD_REQUEST',
      'GET gmail.googleapis.com/gmail/v1/users/me/messages not called: the Message-ID is not one.',
    ]);
  });
});
