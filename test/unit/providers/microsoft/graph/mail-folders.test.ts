import { InboundGraphError } from '../../../../../src/providers/microsoft/graph/inbound-errors';
import {
  ensureChildFolder,
  findChildFolder,
  readFolder,
} from '../../../../../src/providers/microsoft/graph/mail-folders';
import { type Answer, graphError, json, USER } from './graph-fakes';
import { failureOf, inboundSetup, MAILBOX, PREFER_IMMUTABLE, queryOf } from './inbound-setup';

const FIELDS = 'id,displayName,parentFolderId,unreadItemCount,totalItemCount';
const PROCESSED = {
  id: 'AAMkProcessed=',
  displayName: 'Processed by Issue Mailer',
  parentFolderId: 'AAMkInbox=',
  unreadItemCount: 0,
  totalItemCount: 3,
  childFolderCount: 0,
};
const folder = {
  id: 'AAMkProcessed=',
  displayName: 'Processed by Issue Mailer',
  parentFolderId: 'AAMkInbox=',
  unreadItemCount: 0,
  totalItemCount: 3,
};

describe('reading a folder', () => {
  it.each([
    ['a well-known name', 'inbox', `${USER}/mailFolders/inbox`],
    ['an id, encoded', 'AAMk/x+y=', `${USER}/mailFolders/AAMk%2Fx%2By%3D`],
  ])('reads %s with its counts and immutable ids', async (_name, folderId, path) => {
    const { deps, requests } = inboundSetup([
      json(
        200,
        { id: 'AAMkInbox=', displayName: 'Inbox', unreadItemCount: 4, totalItemCount: 1000 },
        { 'request-id': 'r1' },
      ),
    ]);
    await expect(readFolder(MAILBOX, folderId, deps)).resolves.toEqual({
      folder: {
        id: 'AAMkInbox=',
        displayName: 'Inbox',
        parentFolderId: undefined,
        unreadItemCount: 4,
        totalItemCount: 1000,
      },
      receipt: { status: 200, requestId: 'r1', clientRequestId: 'crid-1', attempts: 1 },
    });
    expect(requests[0]?.url.split('?')[0]).toBe(path);
    expect(queryOf(requests[0]?.url ?? '')).toEqual({ $select: FIELDS });
    expect(requests[0]?.headers).toMatchObject({
      prefer: PREFER_IMMUTABLE,
      authorization: 'Bearer token-abc',
      'client-request-id': 'crid-1',
    });
  });

  it.each([
    ['a count that is a string', { id: 'x', unreadItemCount: '4' }, 'unreadItemCount'],
    ['no id', { displayName: 'Inbox' }, 'id'],
    ['an empty id', { id: '' }, 'id'],
  ])('refuses an answer with %s, naming the field', async (_name, body, field) => {
    const { deps } = inboundSetup([json(200, body)]);
    const error = await failureOf(readFolder(MAILBOX, 'inbox', deps));
    expect(error.code).toBe('GRAPH_RESPONSE_INVALID');
    expect(error.message).toContain(field);
  });

  it.each<[string, Answer, string]>([
    ['a folder that is not there', graphError(404, 'ErrorItemNotFound'), 'GRAPH_ITEM_GONE'],
    ['a mailbox that is not there', graphError(404, 'ErrorInvalidUser'), 'GRAPH_MAILBOX_NOT_FOUND'],
    ['an access policy', graphError(403, 'ErrorAccessDenied'), 'GRAPH_ACCESS_DENIED'],
  ])('fails for %s', async (_name, answer, code) => {
    const { deps } = inboundSetup([answer]);
    const error = await failureOf(readFolder(MAILBOX, 'inbox', deps));
    expect(error.code).toBe(code);
    expect(error.requestId).toBe('req-err');
    if (error instanceof InboundGraphError) expect(error.item).toBe('folder');
  });
});

describe('finding a child folder by name', () => {
  it.each([
    ['a plain name', 'Processed by Issue Mailer', "displayName eq 'Processed by Issue Mailer'"],
    ['a quote, doubled', "Bob's mail", "displayName eq 'Bob''s mail'"],
    ['two quotes', "''", "displayName eq ''''''"],
  ])('filters on %s', async (_name, displayName, filter) => {
    const { deps, requests } = inboundSetup([json(200, { value: [] })]);
    await expect(findChildFolder(MAILBOX, 'inbox', displayName, deps)).resolves.toBeUndefined();
    expect(requests[0]?.url.split('?')[0]).toBe(`${USER}/mailFolders/inbox/childFolders`);
    expect(queryOf(requests[0]?.url ?? '')).toEqual({ $filter: filter, $select: FIELDS });
    expect(requests[0]?.headers.prefer).toBe(PREFER_IMMUTABLE);
  });

  it.each([
    ['the same name', [PROCESSED], folder],
    [
      'another case',
      [{ ...PROCESSED, displayName: 'PROCESSED BY ISSUE MAILER' }],
      { ...folder, displayName: 'PROCESSED BY ISSUE MAILER' },
    ],
    ['only other names', [{ ...PROCESSED, displayName: 'Processed' }], undefined],
  ])('answers a folder of %s', async (_name, value, expected) => {
    const { deps } = inboundSetup([json(200, { value })]);
    await expect(findChildFolder(MAILBOX, 'inbox', 'Processed by Issue Mailer', deps)).resolves.toEqual(expected);
  });
});

describe('creating a child folder', () => {
  it.each([201, 200])('creates it (answered %s)', async (status) => {
    const { deps, requests } = inboundSetup([json(status, PROCESSED)]);
    await expect(ensureChildFolder(MAILBOX, 'inbox', 'Processed by Issue Mailer', deps)).resolves.toEqual({
      folder,
      created: true,
    });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: `${USER}/mailFolders/inbox/childFolders`,
      json: { displayName: 'Processed by Issue Mailer' },
    });
    expect(requests[0]?.headers.prefer).toBe(PREFER_IMMUTABLE);
  });

  it('finds the folder another run made first (409 ErrorFolderExists)', async () => {
    const { deps, requests } = inboundSetup([graphError(409, 'ErrorFolderExists'), json(200, { value: [PROCESSED] })]);
    await expect(ensureChildFolder(MAILBOX, 'inbox', 'Processed by Issue Mailer', deps)).resolves.toEqual({
      folder,
      created: false,
    });
    expect(requests.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it.each<[string, Answer[], string]>([
    [
      'a 409 whose folder cannot be found',
      [graphError(409, 'ErrorFolderExists'), json(200, { value: [] })],
      'GRAPH_REQUEST_FAILED',
    ],
    ['no Mail.ReadWrite', [graphError(403, 'ErrorAccessDenied')], 'GRAPH_ACCESS_DENIED'],
    ['a parent that is not there', [graphError(404, 'ErrorItemNotFound')], 'GRAPH_ITEM_GONE'],
  ])('fails for %s', async (_name, answers, code) => {
    const { deps } = inboundSetup(answers);
    const error = await failureOf(ensureChildFolder(MAILBOX, 'inbox', 'Processed by Issue Mailer', deps));
    expect(error.code).toBe(code);
  });
});
