import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { StoredAttachment } from './model';

/** How long a download URL from a 303 stays good. Atlassian does not document its tokens' lifetime; a few minutes. */
export const MEDIA_TOKEN_SECONDS = 600;

/** The Media Services client id the site's download URLs name. */
const MEDIA_CLIENT = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607';

/** Where the local site's media service answers: under `/rest/` so that the local host's proxy reaches it too. */
export const MEDIA_PATH = '/rest/media/file/{mediaId}/binary';

export type MediaTokenCheck = 'ok' | 'expired' | 'invalid';

/**
 * Signed download URLs for attachment content, standing in for Atlassian's media service
 * (`api.media.atlassian.com/file/{id}/binary?token=...`): the URL itself authorises the download of one file, for a
 * while, without the caller's Jira credentials.
 */
export interface MediaLinks {
  downloadUrl: (siteUrl: string, attachment: StoredAttachment, now: Date) => string;
  check: (mediaId: string, token: string | null, now: Date) => MediaTokenCheck;
}

export const createMediaLinks = (key: Buffer = randomBytes(32)): MediaLinks => {
  const sign = (mediaId: string, expires: number): string =>
    createHmac('sha256', key).update(`${mediaId}:${expires}`).digest('base64url');
  return {
    downloadUrl: (siteUrl, attachment, now) => {
      const expires = Math.floor(now.getTime() / 1000) + MEDIA_TOKEN_SECONDS;
      const query = new URLSearchParams({
        token: `${expires}.${sign(attachment.mediaId, expires)}`,
        client: MEDIA_CLIENT,
        dl: 'true',
        name: attachment.filename,
      });
      return `${siteUrl}${MEDIA_PATH.replace('{mediaId}', attachment.mediaId)}?${query.toString()}`;
    },
    check: (mediaId, token, now) => {
      const match = token === null ? null : /^(\d+)\.([\w-]+)$/.exec(token);
      if (match === null) return 'invalid';
      const expires = Number(match[1]);
      const given = Buffer.from(match[2] ?? '');
      const expected = Buffer.from(sign(mediaId, expires));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      return now.getTime() / 1000 > expires ? 'expired' : 'ok';
    },
  };
};
