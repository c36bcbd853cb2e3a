import type { IssueActionFunctions, SendIssueEmailInput } from '../../../src/contract';
import { createTypedInvoke } from '../../shared/typed-invoke';

/** Every call the "Email this issue" dialog makes to `issue-action-resolver`. The issue comes from its context. */
const call = createTypedInvoke<IssueActionFunctions>();

export const getEmailDraft = () => call('getEmailDraft', {});
export const sendIssueEmail = (input: SendIssueEmailInput) => call('sendIssueEmail', input);
