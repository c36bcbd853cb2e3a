import type {
  AdminFunctions,
  AdminPart,
  AdminParts,
  ConnectionValues,
  CredentialInput,
  EmailLogSettings,
  GoogleCredentialInput,
  ListEmailLogInput,
  ListIncomingLogInput,
  MailHandlerInput,
  MailSettings,
  NotificationRuleInput,
  TemplateInput,
} from '../../../../src/contract';
import { batchedParts } from '../../../shared/batched-parts';
import { createTypedInvoke } from '../../../shared/typed-invoke';

/** Every call the admin page makes to `admin-resolver`. */
const call = createTypedInvoke<AdminFunctions>();

export const loadAdminView = (parts: AdminPart[]) => call('loadAdminView', { parts });
/**
 * What the sections show as they open (and after a change): one part each ask, the parts asked for in one turn in
 * one `loadAdminView` call. Opening the page is one call (warnings and the first tab's data), opening a tab another.
 */
export const loadPart = batchedParts<AdminParts>(loadAdminView);
export const listCredentials = () => call('listCredentials', {});
export const saveCredential = (input: CredentialInput) => call('saveCredential', input);
export const saveGoogleCredential = (input: GoogleCredentialInput) => call('saveGoogleCredential', input);
export const deleteCredential = (id: string) => call('deleteCredential', { id });
export const setDefaultCredential = (id: string) => call('setDefaultCredential', { id });
/**
 * The payload names `sendTestEmail` only when asked: the plain test is the one most admins run. `values` are the
 * edit form's unsaved values, tested instead of the saved credential.
 */
export const testConnection = (id: string, sendTestEmail = false, values?: ConnectionValues) =>
  call('testConnection', {
    id,
    ...(sendTestEmail ? { sendTestEmail } : {}),
    ...(values === undefined ? {} : { values }),
  });
export const getAuthorizationSetup = () => call('getAuthorizationSetup', {});
export const beginAuthorization = (id: string) => call('beginAuthorization', { id });
export const saveTemplate = (input: TemplateInput) => call('saveTemplate', input);
export const deleteTemplate = (id: string) => call('deleteTemplate', { id });
export const previewTemplate = (payload: AdminFunctions['previewTemplate']['payload']) =>
  call('previewTemplate', payload);
export const saveMailSettings = (settings: MailSettings) => call('saveMailSettings', settings);
export const searchGroups = (query: string) => call('searchGroups', { query });
export const listEmailLog = (query: ListEmailLogInput) => call('listEmailLog', query);
export const getEmailLogEntry = (emailId: string) => call('getEmailLogEntry', { emailId });
export const resendEmail = (emailId: string, anyway = false) =>
  call('resendEmail', anyway ? { emailId, anyway } : { emailId });
export const getEmailContent = (emailId: string) => call('getEmailContent', { emailId });
export const saveEmailLogSettings = (settings: EmailLogSettings) => call('saveEmailLogSettings', settings);
export const saveNotificationRule = (input: NotificationRuleInput) => call('saveNotificationRule', input);
export const deleteNotificationRule = (id: string) => call('deleteNotificationRule', { id });
export const getNotificationRuleHistory = (id: string) => call('getNotificationRuleHistory', { id });
export const tryNotificationRule = (id: string, issueKey: string) => call('tryNotificationRule', { id, issueKey });
export const saveMailHandler = (input: MailHandlerInput) => call('saveMailHandler', input);
export const deleteMailHandler = (id: string) => call('deleteMailHandler', { id });
export const testMailHandler = (id: string) => call('testMailHandler', { id });
export const listHandlerIssueTypes = (projectKey: string) => call('listHandlerIssueTypes', { projectKey });
export const searchHandlerReporters = (query: string) => call('searchHandlerReporters', { query });
export const listIncomingLog = (query: ListIncomingLogInput) => call('listIncomingLog', query);
export const getIncomingLogEntry = (messageKey: string) => call('getIncomingLogEntry', { messageKey });
export const processIncomingAgain = (messageKey: string) => call('processIncomingAgain', { messageKey });
