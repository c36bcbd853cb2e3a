import type { AppUser, SiteUser } from '../model';

/**
 * The people on the local site. Account IDs follow Atlassian's two styles: the older 24-hex id and the
 * `712020:<uuid>` id newer accounts get.
 */
export const ALEX_ADMIN: SiteUser = {
  accountId: '5d8f6a2c1b9e4f0c7a3b2e10',
  displayName: 'Alex Admin',
  emailAddress: 'alex.admin@example.com',
  isAdmin: true,
  avatarColor: '#0052CC',
  accountType: 'atlassian',
  active: true,
  timeZone: 'Europe/London',
  locale: 'en_GB',
  emailVisibility: 'anyone',
  role: 'admin',
  avatarVariant: 3,
};

export const SAM_AGENT: SiteUser = {
  accountId: '712020:8c2e4f6a-1b3d-4e5f-9a7b-0c1d2e3f4a5b',
  displayName: 'Sam Rivera',
  emailAddress: 'sam.rivera@example.com',
  isAdmin: false,
  avatarColor: '#00875A',
  accountType: 'atlassian',
  active: true,
  timeZone: 'America/New_York',
  locale: 'en_US',
  emailVisibility: 'anyone',
  role: 'agent',
  avatarVariant: 5,
};

export const JORDAN_MEMBER: SiteUser = {
  accountId: '712020:3f9b1c7d-5e2a-4b8c-a6d4-7e0f1a2b3c4d',
  displayName: 'Jordan Lee',
  emailAddress: 'jordan.lee@example.com',
  isAdmin: false,
  avatarColor: '#6554C0',
  accountType: 'atlassian',
  active: true,
  timeZone: 'Europe/Berlin',
  locale: 'en_US',
  emailVisibility: 'anyone',
  role: 'member',
  avatarVariant: 1,
};

/** A customer who reports problems; sees only their own requests and hides their email address. */
export const CASEY_CUSTOMER: SiteUser = {
  accountId: '712020:e4a1b2c3-d4e5-4f60-8a71-92b3c4d5e6f7',
  displayName: 'Casey Customer',
  emailAddress: 'casey.customer@customer.example',
  isAdmin: false,
  avatarColor: '#FF5630',
  accountType: 'atlassian',
  active: true,
  timeZone: 'Australia/Sydney',
  locale: 'en_AU',
  emailVisibility: 'private',
  role: 'customer',
  avatarVariant: 2,
};

/** In the order the host lists them; the first is the default local user. */
export const SITE_USERS: readonly SiteUser[] = [ALEX_ADMIN, SAM_AGENT, JORDAN_MEMBER, CASEY_CUSTOMER];

/** The Forge app's bot account: `asApp` calls act as it, and comments it adds are its own. */
export const APP_USER: AppUser = {
  accountId: '63a1f0c2d4e5b6a7c8d9e0f1',
  displayName: 'Issue Mailer for Jira',
  accountType: 'app',
  timeZone: 'UTC',
  locale: 'en_US',
};
