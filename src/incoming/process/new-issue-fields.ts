import { JiraFieldsRefusedError } from '../../jira/errors';
import { normalizeSubject } from '../matching/subject';
import type { IncomingJiraPort, NewIncomingIssue, ProcessHandler } from './ports';

/** Jira's summary field holds at most 255 characters. */
export const MAX_SUMMARY_CHARS = 255;
export const NO_SUBJECT_SUMMARY = '(no subject)';

/** The subject without its RE:/FW: prefixes, cut to Jira's limit (by code point, so no half of an emoji is left). */
export const issueSummary = (subject: string | undefined): string => {
  const normal = normalizeSubject(subject);
  return normal === '' ? NO_SUBJECT_SUMMARY : Array.from(normal).slice(0, MAX_SUMMARY_CHARS).join('');
};

/** The reporter of a new issue: the Jira user with the sender's address, else the handler's default reporter. */
export const chooseReporter = async (
  address: string,
  handler: Pick<ProcessHandler, 'defaultReporter'>,
  jira: Pick<IncomingJiraPort, 'findUserByEmail'>,
): Promise<string | undefined> => (await jira.findUserByEmail(address)) ?? handler.defaultReporter?.accountId;

/**
 * Creates the issue; when Jira refuses the reporter (the app lacks "Modify reporter", or the user may not report
 * in the project) it creates it again without one, so the app reports it. A 400 wrote nothing, so the second
 * request cannot double it; the sender's name and address stay in the description's first line either way.
 */
export const createWithReporter = async (
  issue: NewIncomingIssue,
  jira: Pick<IncomingJiraPort, 'createIssue'>,
): Promise<{ id: string; key: string; reporterRefused: boolean }> => {
  try {
    return { ...(await jira.createIssue(issue)), reporterRefused: false };
  } catch (error) {
    if (
      !(error instanceof JiraFieldsRefusedError) ||
      !error.fields.includes('reporter') ||
      issue.reporterAccountId === undefined
    )
      throw error;
    const { reporterAccountId: _refused, ...withoutReporter } = issue;
    return { ...(await jira.createIssue(withoutReporter)), reporterRefused: true };
  }
};
