import {
  classifyGraphError,
  graphErrorFromResponse,
  parseGraphErrorBody,
} from '../../../../../src/providers/microsoft/graph/error-response';
import { GraphError } from '../../../../../src/providers/microsoft/graph/errors';
import { graphFixtures } from '../../../support/fixtures';

const WHERE = 'POST graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail';

const expected: Record<string, string> = {
  expired_token: 'GRAPH_UNAUTHORIZED',
  no_permissions_in_token: 'GRAPH_UNAUTHORIZED',
  mail_access_denied: 'GRAPH_ACCESS_DENIED',
  app_access_policy_denied: 'GRAPH_APP_ACCESS_POLICY_DENIED',
  directory_access_denied: 'GRAPH_ACCESS_DENIED',
  invalid_user: 'GRAPH_MAILBOX_NOT_FOUND',
  user_not_found_directory: 'GRAPH_MAILBOX_NOT_FOUND',
  mailbox_not_enabled: 'GRAPH_MAILBOX_NOT_ENABLED',
  invalid_recipients: 'GRAPH_INVALID_RECIPIENTS',
  no_recipients: 'GRAPH_INVALID_RECIPIENTS',
  invalid_header_name: 'GRAPH_BAD_REQUEST',
  mime_bad_base64: 'GRAPH_BAD_REQUEST',
  request_too_large: 'GRAPH_REQUEST_TOO_LARGE',
  inefficient_filter: 'GRAPH_BAD_REQUEST',
  throttled_concurrency: 'GRAPH_THROTTLED',
};
const errorFixtures = graphFixtures.filter(([name]) => name !== 'sendMail_accepted');

describe('Graph errors', () => {
  it('has an expectation for every error fixture', () => {
    expect(errorFixtures.map(([name]) => name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(errorFixtures)('maps %s to its code, keeping Graph code and request-id', (name, entry) => {
    const body = entry.body as { error: { code: string; message: string; innerError?: { 'request-id'?: string } } };
    const error = graphErrorFromResponse({
      where: WHERE,
      status: entry.status,
      headers: new Headers(entry.headers),
      text: JSON.stringify(entry.body),
    });
    const requestId = body.error.innerError?.['request-id'];

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      code: expected[name],
      status: entry.status,
      graphCode: body.error.code,
      requestId,
      message: `${WHERE} answered ${entry.status} ${body.error.code}${requestId === undefined ? '' : ` (request-id ${requestId})`}.`,
    });
    expect(error.message).not.toContain(body.error.message);
  });

  it('takes the request-id header before the body', () => {
    const error = graphErrorFromResponse({
      where: WHERE,
      status: 404,
      headers: new Headers({ 'request-id': 'aaaaaaaa-0000-0000-0000-000000000001', 'client-request-id': 'c-1' }),
      text: JSON.stringify({
        error: { code: 'ErrorInvalidUser', message: 'x', innerError: { 'request-id': 'body-id' } },
      }),
    });
    expect(error).toMatchObject({ requestId: 'aaaaaaaa-0000-0000-0000-000000000001', clientRequestId: 'c-1' });
  });

  it('classifies by status when the body is not Graph JSON', () => {
    const error = graphErrorFromResponse({
      where: WHERE,
      status: 502,
      headers: new Headers(),
      text: '<html>Bad gateway</html>',
    });
    expect(error).toMatchObject({ code: 'GRAPH_UNAVAILABLE', graphCode: undefined, message: `${WHERE} answered 502.` });
  });

  it('ignores a request id that is not an id', () => {
    const error = graphErrorFromResponse({
      where: WHERE,
      status: 400,
      headers: new Headers({ 'request-id': 'has spaces <b>' }),
      text: JSON.stringify({ error: { code: 'Weird Code!', message: 'x' } }),
    });
    expect(error).toMatchObject({ code: 'GRAPH_BAD_REQUEST', requestId: undefined, graphCode: undefined });
  });

  it.each([
    [403, 'ErrorAccessDenied', 'Access to OData is disabled.', 'GRAPH_APP_ACCESS_POLICY_DENIED'],
    [
      403,
      'ErrorAccessDenied',
      'Blocked by tenant configured application access policy.',
      'GRAPH_APP_ACCESS_POLICY_DENIED',
    ],
    [403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', 'GRAPH_ACCESS_DENIED'],
    [400, 'ErrorMessageSizeExceeded', 'too big', 'GRAPH_REQUEST_TOO_LARGE'],
    [409, 'Conflict', 'x', 'GRAPH_REQUEST_FAILED'],
    [504, 'GatewayTimeout', 'x', 'GRAPH_UNAVAILABLE'],
    [401, 'MailboxNotEnabledForRESTAPI', 'x', 'GRAPH_MAILBOX_NOT_ENABLED'],
  ])('classifies %i %s "%s" as %s', (status, code, message, expectedCode) => {
    expect(classifyGraphError(status, { code, message, requestId: undefined, clientRequestId: undefined })).toBe(
      expectedCode,
    );
  });

  it('parses the OData error envelope and refuses other shapes', () => {
    expect(
      parseGraphErrorBody(
        JSON.stringify({
          error: { code: 'X', message: 'm', innerError: { 'request-id': 'r', 'client-request-id': 'c' } },
        }),
      ),
    ).toEqual({ code: 'X', message: 'm', requestId: 'r', clientRequestId: 'c' });
    expect(parseGraphErrorBody('{"message":"x"}')).toBeUndefined();
    expect(parseGraphErrorBody('not json')).toBeUndefined();
  });
});
