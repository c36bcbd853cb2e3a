import { SAMPLE_ISSUE_DATA } from '../../../src/templates/sample-issue';
import type { TemplateIssueData } from '../../../src/templates/template-data';

/** The sample issue with some parts replaced; `issue` is merged, the rest replaced. */
export const issueData = (
  overrides: Omit<Partial<TemplateIssueData>, 'issue'> & { issue?: Partial<TemplateIssueData['issue']> } = {},
): TemplateIssueData => {
  const { issue, ...rest } = overrides;
  return { ...SAMPLE_ISSUE_DATA, ...rest, issue: { ...SAMPLE_ISSUE_DATA.issue, ...issue } };
};

/** The error a promise rejects with, to assert on its class and fields. */
export const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

/** The error a function throws. */
export const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};
