import {
  completeAuthorization,
  type CompleteAuthorizationDeps,
} from '../credentials/authorization/complete-authorization';
import type { WebTriggerRequest, WebTriggerResponse } from '../http/web-trigger-http';
import { safeErrorLabel } from '../shared/error-names';
import { connectedPage, failedPage, methodNotAllowedPage, refusedPage } from './authorization-page';
import { diagnosticsOf } from './error-answers';
import { errorWords } from './error-words';

/**
 * The `oauth-callback` web trigger's answer to the browser Microsoft sends back after a sign-in
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow, `response_mode=query`: a GET
 * with `code` and `state`, or `error`, `error_description` and `state`). A refusal of a known family is a 400 page in
 * the admin's words with its code, logged by code and Microsoft's ids; anything else a 500 page, logged by name.
 * The query (code, state) is never logged or shown.
 */
export const answerOauthCallback = async (
  request: WebTriggerRequest,
  deps: CompleteAuthorizationDeps,
): Promise<WebTriggerResponse> => {
  if (request.method.toUpperCase() !== 'GET') return methodNotAllowedPage();
  try {
    return connectedPage(await completeAuthorization(request.queryParameters ?? {}, deps));
  } catch (error) {
    const said = errorWords(error, 'admin');
    if (said === undefined) {
      console.error(`[issue-mailer] oauth-callback failed: ${safeErrorLabel(error)}`);
      return failedPage();
    }
    const details = diagnosticsOf(error);
    console.warn(`[issue-mailer] oauth-callback refused: ${said.code}${details === '' ? '' : ` ${details}`}`);
    return refusedPage(said.code, said.message);
  }
};
