import { parseEmailAddress } from '../contract/email-address';

/**
 * The address Jira shows for a person, or null: Jira omits it (or sends an empty string) when the person's profile
 * visibility hides it, and an address mail cannot go to is as good as hidden.
 */
export const visibleEmail = (raw: string | null | undefined): string | null => {
  if (raw === null || raw === undefined) return null;
  const parsed = parseEmailAddress(raw);
  return parsed.ok && parsed.value.name === undefined ? parsed.value.address : null;
};
