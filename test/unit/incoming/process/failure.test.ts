import { describeFailure, isTransientFailure } from '../../../../src/incoming/process/failure';
import { IncomingWriteConflictError } from '../../../../src/incoming/records/errors';
import { JiraError, JiraErrorCode, JiraFieldsRefusedError } from '../../../../src/jira/errors';
import { GraphError, GraphErrorCode } from '../../../../src/providers/microsoft/graph/errors';
import { InboundErrorCode, InboundGraphError } from '../../../../src/providers/microsoft/graph/inbound-errors';
import { asIncomingFailure } from '../../../../src/providers/microsoft/incoming/incoming-failure';
import { StorageError } from '../../../../src/storage/errors';

describe('isTransientFailure: what the queue retries', () => {
  it.each([
    ['Graph throttled', asIncomingFailure(new GraphError(GraphErrorCode.Throttled, 'x', { status: 429 })), true],
    ['Graph unavailable', asIncomingFailure(new GraphError(GraphErrorCode.Unavailable, 'x', { status: 503 })), true],
    ['Graph unreachable', asIncomingFailure(new GraphError(GraphErrorCode.Unreachable, 'x')), true],
    ['Graph timeout', asIncomingFailure(new GraphError(GraphErrorCode.Timeout, 'x')), true],
    [
      'Graph access denied',
      asIncomingFailure(new GraphError(GraphErrorCode.AccessDenied, 'x', { status: 403 })),
      false,
    ],
    ['a message gone', asIncomingFailure(new InboundGraphError(InboundErrorCode.Gone, 'x')), false],
    ['Jira without an answer', new JiraError(JiraErrorCode.RequestFailed, 'x'), true],
    ['Jira 429', new JiraError(JiraErrorCode.RequestFailed, 'x', { status: 429 }), true],
    ['Jira 502', new JiraError(JiraErrorCode.RequestFailed, 'x', { status: 502 }), true],
    ['Jira 409', new JiraError(JiraErrorCode.RequestFailed, 'x', { status: 409 }), false],
    ['Jira answer unreadable (it may have written)', new JiraError(JiraErrorCode.ResponseInvalid, 'x'), true],
    ['Jira forbidden', new JiraError(JiraErrorCode.Forbidden, 'x', { status: 403 }), false],
    ['Jira refused fields', new JiraFieldsRefusedError('POST', ['summary']), false],
    ['a record write conflict', new IncomingWriteConflictError('k'), true],
    ['a storage rate limit', new StorageError('transact', 'in:k', { code: 'RATE_LIMIT_EXCEEDED' }), true],
    ['a bug', new TypeError('x is undefined'), false],
  ])('%s', (_name, error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });
});

describe('describeFailure: what the incoming log shows', () => {
  it.each([
    [
      new JiraError(JiraErrorCode.IssueNotFound, 'GET … 404 body'),
      'JIRA_ISSUE_NOT_FOUND',
      'The issue is gone from Jira.',
    ],
    [new TypeError('secret detail'), 'INCOMING_UNEXPECTED', 'Processing stopped on an unexpected failure.'],
    [
      asIncomingFailure(new InboundGraphError(InboundErrorCode.Gone, 'GET … 404', { item: 'message' })),
      'GRAPH_ITEM_GONE',
      'The message or an attachment is no longer in the mailbox.',
    ],
    [
      asIncomingFailure(new GraphError(GraphErrorCode.AccessDenied, 'GET … 403', { status: 403 })),
      'GRAPH_ACCESS_DENIED',
      'Microsoft 365 refused to let the credential read this mailbox.',
    ],
    [
      asIncomingFailure(new GraphError(GraphErrorCode.Unauthorized, 'GET … 401', { status: 401 })),
      'GRAPH_UNAUTHORIZED',
      'Microsoft 365 refused the credential.',
    ],
    [
      asIncomingFailure(new GraphError(GraphErrorCode.BadRequest, 'detail')),
      'GRAPH_BAD_REQUEST',
      'Processing stopped on an unexpected failure.',
    ],
  ])('%s', (error, code, message) => {
    expect(describeFailure(error)).toEqual({ code, message });
  });
});
