import type { RequestContext } from '../http/context';
import type { AppUser, SiteUser } from '../model';

const AVATAR_SIZES = ['48x48', '24x24', '16x16', '32x32'] as const;

/** Initials avatars, as Atlassian's avatar service names them (`AA-3.png`), served by the local site. */
export const userAvatarUrls = (siteUrl: string, user: SiteUser | AppUser): Record<string, string> => {
  const initials =
    user.displayName
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? '')
      .join('') || 'U';
  const variant = 'avatarVariant' in user ? user.avatarVariant : 0;
  return Object.fromEntries(
    AVATAR_SIZES.map((size) => {
      const pixels = size.split('x')[0];
      return [size, `${siteUrl}/avatar-management/initials/${initials}-${variant}.png?size=${pixels}&s=${pixels}`];
    }),
  );
};

/**
 * Whether the caller may see a person's email address (their profile visibility setting). Atlassian's "Profile
 * visibility" guide (developer.atlassian.com/cloud/jira/platform/profile-visibility): a hidden field is left out of
 * every user answer, to apps too; apps read addresses through the Email API instead (handlers/user-email.ts).
 */
const emailVisible = (ctx: RequestContext, user: SiteUser): boolean => {
  if (user.emailVisibility === 'anyone') return true;
  return ctx.viewer?.kind === 'user' && ctx.viewer.user.accountId === user.accountId;
};

const isSiteUser = (user: SiteUser | AppUser): user is SiteUser => user.accountType === 'atlassian';

/** `UserDetails`: how people appear inside issues, comments and attachments. */
export const userDetailsBean = (ctx: RequestContext, user: SiteUser | AppUser): Record<string, unknown> => ({
  self: `${ctx.restBase}/user?accountId=${encodeURIComponent(user.accountId)}`,
  accountId: user.accountId,
  ...(isSiteUser(user) && emailVisible(ctx, user) ? { emailAddress: user.emailAddress } : {}),
  avatarUrls: userAvatarUrls(ctx.siteUrl, user),
  displayName: user.displayName,
  active: isSiteUser(user) ? user.active : true,
  timeZone: user.timeZone,
  accountType: user.accountType,
});

/** `User`: what `/myself`, `/user` and the user searches answer. Groups (`GroupName`) only when expanded. */
export const userBean = (
  ctx: RequestContext,
  user: SiteUser | AppUser,
  expand: ReadonlySet<string> = new Set(),
): Record<string, unknown> => {
  const groups = ctx.store.groupsOf(user.accountId);
  const roles = isSiteUser(user) && user.role !== 'customer' ? [{ key: 'jira-software', name: 'Jira Software' }] : [];
  return {
    self: `${ctx.restBase}/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.accountType,
    ...(isSiteUser(user) && emailVisible(ctx, user) ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: userAvatarUrls(ctx.siteUrl, user),
    displayName: user.displayName,
    active: isSiteUser(user) ? user.active : true,
    timeZone: user.timeZone,
    locale: user.locale,
    groups: {
      size: groups.length,
      items: expand.has('groups')
        ? groups.map((group) => ({
            name: group.name,
            groupId: group.groupId,
            self: `${ctx.restBase}/group?groupId=${group.groupId}`,
          }))
        : [],
    },
    applicationRoles: {
      size: roles.length,
      items: expand.has('applicationRoles') ? roles : [],
    },
    expand: 'groups,applicationRoles',
  };
};
