/**
 * The Gmail API scopes (https://developers.google.com/gmail/api/auth/scopes) live in the contract, which the admin
 * page shows them from; the Google adapter names them from here.
 */
export {
  adminConsoleScopeList,
  GMAIL_MODIFY_SCOPE,
  GMAIL_SEND_SCOPE,
  googleScopesFor as requiredGmailScopes,
} from '../../contract/google-workspace-kinds';
