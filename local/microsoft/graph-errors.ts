import { graphDate } from './ids';

/** One Graph error answer: HTTP status, OData error code and message, and any extra headers. */
export interface GraphError {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  /** Members of `innerError` besides date and the request ids. */
  innerError?: Record<string, string>;
}

const graphError = (status: number, code: string, message: string, headers?: Record<string, string>): GraphError =>
  headers === undefined ? { status, code, message } : { status, code, message, headers };

/** What Graph sends with every 401 (fixture `expired_token`). */
export const GRAPH_WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const unauthorized = (message: string) =>
  graphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': GRAPH_WWW_AUTHENTICATE });

/**
 * Graph's errors. Texts come from emulator-fixtures.json unless a comment names another public source; the few
 * that only the emulator says are marked so.
 */
export const GraphErrors = {
  // microsoftgraph/msgraph-sample-reactspa #54.
  emptyToken: () => unauthorized('Access token is empty.'),
  // The IdentityModel text Graph returns for a token that is not a JWS (Earlybyte/aad_oauth, flutter_appauth #575).
  malformedToken: () =>
    unauthorized(
      "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EncodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.",
    ),
  // python-o365 #597: a kid Graph does not know.
  signingKeyInvalid: () => unauthorized('Signing key is invalid.'),
  // wazuh-documentation #7620.
  signatureInvalid: () => unauthorized('Signature is invalid.'),
  invalidAudience: () => unauthorized('Access token validation failure. Invalid audience.'),
  expiredToken: () => unauthorized('Lifetime validation failed, the token is expired.'),
  notYetValidToken: () => unauthorized('Lifetime validation failed, the token is not yet valid.'),
  noPermissions: () =>
    graphError(
      401,
      'NoPermissionsInAccessToken',
      'The token contains no permissions, or permissions can not be understood.',
      {
        'WWW-Authenticate': GRAPH_WWW_AUTHENTICATE,
      },
    ),
  mailAccessDenied: () => graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  // Fixture `app_access_policy_denied` (403 ErrorAccessDenied). Its message is the older short form; Exchange
  // Online now adds the reason, as quoted in public reports of RBAC for Applications / application access policies.
  appAccessPolicyDenied: () =>
    graphError(
      403,
      'ErrorAccessDenied',
      'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    ),
  directoryAccessDenied: () =>
    graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  invalidUser: (user: string) => graphError(404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`),
  userNotFound: (id: string) =>
    graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  mailboxNotEnabled: () =>
    graphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    ),
  unresolvedRecipient: (recipient: string) =>
    graphError(
      400,
      'ErrorInvalidRecipients',
      `At least one recipient isn't valid., Recipient "${recipient}" isn't resolved. All recipients must be resolved before a message can be submitted.`,
    ),
  noRecipients: () =>
    graphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    ),
  invalidHeaderName: (name: string) =>
    graphError(
      400,
      'InvalidInternetMessageHeader',
      `The internet message header name '${name}' should start with 'x-' or 'X-'.`,
    ),
  // Emulator text: Exchange keeps a client-supplied internetMessageId, but its answer to one that is no
  // `<local-part@domain>` is not on record; the code is Exchange's generic one for a request it will not take.
  invalidInternetMessageId: (value: string) =>
    graphError(
      400,
      'ErrorInvalidRequest',
      `The internetMessageId '${value}' is not an RFC 5322 Message-ID of the form '<local-part@domain>'.`,
    ),
  // Exchange's answers for a folder or item id it has no object for, and for an id it cannot read.
  itemNotFound: () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  invalidIdMalformed: () => graphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.'),
  // Graph's answer to a $select of a property the type does not have.
  unknownProperty: (name: string, type: string) =>
    graphError(
      400,
      'RequestBroker--ParseUri',
      `Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`,
    ),
  // The OData library's texts for $top and $skip values that are not whole numbers.
  invalidQueryNumber: (option: '$top' | '$skip', value: string) =>
    graphError(
      400,
      'BadRequest',
      `Invalid value '${value}' for ${option} query option found. The ${option} query option requires a non-negative integer value.`,
    ),
  mimeInvalidBase64: () =>
    graphError(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.'),
  requestTooLarge: () => graphError(413, 'BadRequest', 'The maximum request length supported is 4MB.'),
  // microsoft-graph-docs-contrib #6337: no Content-Type, or not JSON.
  unreadableJson: () =>
    graphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ),
  // microsoft-graph-docs-contrib #7083.
  emptyPayload: () => graphError(400, 'BadRequest', 'Empty Payload. JSON content expected.'),
  requestBodyRead: (message: string) => graphError(400, 'RequestBodyRead', message),
  // Emulator text: Graph's exact words for a sendMail body without `message` are not on record.
  missingMessage: () => graphError(400, 'ErrorInvalidParameter', "The value of the parameter 'Message' is empty."),
  meWithAppToken: () => graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  segmentNotFound: (segment: string) =>
    graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  invalidVersion: (version: string) => graphError(400, 'BadRequest', `Invalid version: ${version}`),
  // Emulator text for real Graph operations the emulator does not offer.
  notImplemented: (method: string, path: string) =>
    graphError(501, 'NotImplemented', `The local Microsoft Graph emulator does not implement ${method} ${path}.`),
  // Emulator text: item and reference attachments are real Graph types the emulator does not store.
  attachmentTypeNotSupported: (type: string) =>
    graphError(
      501,
      'NotImplemented',
      `The local Microsoft Graph emulator accepts only #microsoft.graph.fileAttachment attachments, not '${type}'.`,
    ),
  // OData's text for an unknown "@odata.type".
  unknownType: (type: string) =>
    graphError(
      400,
      'RequestBodyRead',
      `A type named '${type.replace(/^#/, '')}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
    ),
  // OData's text for an action parameter the operation does not have.
  unknownParameter: (name: string, operation: string) =>
    graphError(
      400,
      'RequestBodyRead',
      `The parameter '${name}' in the request payload is not a valid parameter for the operation '${operation}'.`,
    ),
  // Emulator text: an action called with the wrong HTTP method.
  methodNotAllowed: (method: string, operation: string) =>
    graphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed for ${operation}.`, { Allow: 'POST' }),
  throttled: (retryAfterSeconds: number) =>
    graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
      'Retry-After': String(retryAfterSeconds),
    }),
  // Graph docs concepts/throttling.md, "Sample response": Graph's own throttling, whatever the workload.
  tooManyRequests: (retryAfterSeconds: number) => ({
    ...graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': String(retryAfterSeconds) }),
    innerError: { code: '429', message: 'Please retry after', status: '429' },
  }),
  // Emulator text: ErrorExceededMessageLimit is the code public reports show for sendMail over a sending limit;
  // Exchange's words for the 30-messages-a-minute rate are not on record (its docs say excess is delayed).
  messageRateExceeded: (retryAfterSeconds: number) =>
    graphError(
      429,
      'ErrorExceededMessageLimit',
      'Cannot send mail. The mailbox is over its message rate limit of 30 messages per minute; retry after the Retry-After interval.',
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  // Graph docs concepts/errors.md: serviceNotAvailable.
  unavailable: (retryAfterSeconds: number | undefined) =>
    graphError(
      503,
      'serviceNotAvailable',
      'The service is not available. Try the request again after a delay. There may be a Retry-After header.',
      retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) },
    ),
  // Graph's answer to $search (or $count) on directory objects without `ConsistencyLevel: eventual` (docs: aad-advanced-queries).
  searchNeedsConsistencyLevel: () =>
    graphError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    ),
  // Emulator text for a $search that is not one or more quoted "property:value" clauses.
  invalidSearch: (value: string) =>
    graphError(
      400,
      'Request_UnsupportedQuery',
      `Invalid $search value '${value}': use "property:value" clauses in double quotes.`,
    ),
  // microsoft-graph-docs-contrib #2561: a message (or upload session) over Exchange's 150 MB.
  messageSizeExceeded: () =>
    graphError(400, 'ErrorMessageSizeExceeded', 'The message exceeds the maximum supported size.'),
  // Graph docs outlook-large-attachments: the upload URL carries its own credential; a PUT with an Authorization
  // header fails with 401. The body's words are the emulator's.
  uploadWithAuthorization: () =>
    graphError(
      401,
      'InvalidAuthenticationToken',
      'The upload URL already authorizes the request; do not send an Authorization header with it.',
    ),
  // Emulator texts for upload byte ranges the Outlook upload service refuses (in order, at most 4 MB, within the size).
  invalidContentRange: (value: string) =>
    graphError(
      400,
      'InvalidContentRange',
      `The Content-Range header '${value}' is not of the form 'bytes {start}-{end}/{total}' for this upload session.`,
    ),
  unexpectedRange: (start: number, expected: number) =>
    graphError(
      416,
      'InvalidRange',
      `The uploaded fragment starts at byte ${start}; the next expected byte is ${expected}.`,
    ),
  fragmentTooLarge: () => graphError(413, 'RequestEntityTooLarge', 'The maximum fragment length supported is 4MB.'),
  uploadSessionNotFound: () => graphError(404, 'ErrorItemNotFound', 'The upload session was not found or has expired.'),
  internal: () =>
    graphError(500, 'InternalServerError', 'The local Microsoft Graph emulator failed to handle the request.'),
} as const;

export interface GraphRequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Headers every Graph answer carries. */
export const graphHeaders = (ids: GraphRequestIds): Record<string, string> => ({
  'request-id': ids.requestId,
  'client-request-id': ids.clientRequestId,
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
});

export const graphErrorBody = (err: GraphError, ids: GraphRequestIds, now: Date) => ({
  error: {
    code: err.code,
    message: err.message,
    innerError: {
      ...err.innerError,
      date: graphDate(now),
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
    },
  },
});
