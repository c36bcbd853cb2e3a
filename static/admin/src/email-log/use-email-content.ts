import type { EmailContentView } from '../../../../src/contract';
import { type Loadable, useResolverLoad } from '../../../shared/loadable';
import { getEmailContent } from '../shared/invokes';

export type ContentLoad = Loadable<EmailContentView>;

/** The message an email of the log sent, read once per opened email (and again on "Try again"). */
export const useEmailContent = (emailId: string) => useResolverLoad(emailId, getEmailContent);
