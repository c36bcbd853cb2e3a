import { encodePng, rgb } from './png';

/**
 * Icons and avatars the site's URLs point at (issue types, priorities, statuses, projects, people), drawn
 * here so pages that show them work offline.
 */

const svg = (body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${body}</svg>`;

const ISSUE_TYPE_ICONS: Record<number, string> = {
  10303: svg('<rect width="16" height="16" rx="2" fill="#E5493A"/><circle cx="8" cy="8" r="4" fill="#fff"/>'),
  10318: svg(
    '<rect width="16" height="16" rx="2" fill="#4BADE8"/><path d="M4.5 8.5l2.5 2.5 4.5-5" stroke="#fff" stroke-width="2" fill="none"/>',
  ),
  10315: svg('<rect width="16" height="16" rx="2" fill="#63BA3C"/><path d="M5 4h6v8l-3-2-3 2z" fill="#fff"/>'),
};

export const issueTypeIcon = (avatarId: number): string | undefined => ISSUE_TYPE_ICONS[avatarId];

export const projectAvatar = (): string =>
  svg('<rect width="16" height="16" rx="3" fill="#0052CC"/><path d="M4 11V5h2.5a3 3 0 010 6z" fill="#fff"/>');

const PRIORITY_ICONS: Record<string, string> = {
  highest: svg('<path d="M3 9l5-4 5 4M3 13l5-4 5 4" stroke="#d04437" stroke-width="2" fill="none"/>'),
  high: svg('<path d="M3 11l5-5 5 5" stroke="#f15C75" stroke-width="2" fill="none"/>'),
  medium: svg('<path d="M3 6h10M3 10h10" stroke="#f79232" stroke-width="2"/>'),
  low: svg('<path d="M3 5l5 5 5-5" stroke="#707070" stroke-width="2" fill="none"/>'),
  lowest: svg('<path d="M3 3l5 4 5-4M3 7l5 4 5-4" stroke="#999999" stroke-width="2" fill="none"/>'),
};

export const priorityIcon = (name: string): string | undefined => PRIORITY_ICONS[name];

const STATUS_COLOURS: Record<string, string> = {
  open: '#42526E',
  inprogress: '#0052CC',
  generic: '#FFAB00',
  closed: '#00875A',
};

/** A filled dot in the status's colour. */
export const statusIcon = (name: string): Buffer | undefined => {
  const colour = STATUS_COLOURS[name];
  if (!colour) return undefined;
  const [r, g, b] = rgb(colour);
  return encodePng(16, 16, (x, y) => ((x - 7.5) ** 2 + (y - 7.5) ** 2 <= 36 ? [r, g, b] : [255, 255, 255]));
};

/** Atlassian's initials-avatar palette, indexed by the variant in `AA-3.png`. */
const AVATAR_PALETTE = ['#253858', '#6554C0', '#FF5630', '#0052CC', '#FFAB00', '#00875A'];

/** A round avatar in the variant's colour (no lettering: there is no font renderer here). */
export const initialsAvatar = (variant: number, size: number): Buffer => {
  const [r, g, b] = rgb(AVATAR_PALETTE[variant % AVATAR_PALETTE.length] ?? '#253858');
  const radius = size / 2;
  return encodePng(size, size, (x, y) =>
    (x + 0.5 - radius) ** 2 + (y + 0.5 - radius) ** 2 <= radius * radius ? [r, g, b] : [255, 255, 255],
  );
};
