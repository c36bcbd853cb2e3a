import type { IssueActionFunctions } from '../../../src/contract/functions';
import type { PreviewIssueEmailInput, SendIssueEmailInput } from '../../../src/contract/issue-email';
import { createTypedInvoke } from '../../shared/typed-invoke';

/** Every call the "Email this issue" dialog makes to `issue-action-resolver`. The issue comes from its context. */
const call = createTypedInvoke<IssueActionFunctions>();

export const getEmailDraft = () => call('getEmailDraft', {});
export const searchPeople = (query: string) => call('searchPeople', { query });
export const previewIssueEmail = (input: PreviewIssueEmailInput) => call('previewIssueEmail', input);
export const sendIssueEmail = (input: SendIssueEmailInput) => call('sendIssueEmail', input);
export const getEmailStatus = (emailId: string) => call('getEmailStatus', { emailId });
export const listEmailHistory = () => call('listEmailHistory', {});
