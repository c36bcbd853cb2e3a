import type { IncomingJiraPort, ProcessHandler } from './ports';

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Whether the handler lets this sender write in: anyone; a sender whose address is a Jira user's; or a sender of
 * one of the listed domains (the exact domain: a subdomain is another domain and must be listed itself).
 */
export const senderAllowed = async (
  handler: Pick<ProcessHandler, 'senders' | 'allowedDomains'>,
  address: string,
  jira: Pick<IncomingJiraPort, 'findUserByEmail'>,
): Promise<boolean> => {
  switch (handler.senders) {
    case 'anyone':
      return true;
    case 'jira-users':
      return (await jira.findUserByEmail(address)) !== undefined;
    case 'domains':
      return handler.allowedDomains.map((domain) => domain.toLowerCase()).includes(domainOf(address));
  }
};
