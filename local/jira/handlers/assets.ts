import type { LocalResponse } from '../../http-types';
import { initialsAvatar, issueTypeIcon, priorityIcon, projectAvatar, statusIcon } from '../assets/icons';
import { JiraRestError } from '../errors';
import { param, type RequestContext } from '../http/context';
import { binary } from '../http/responses';

const notFound = (what: string) => new JiraRestError('NO_ROUTE', 404, [`No ${what} found.`]);
const SVG = 'image/svg+xml;charset=UTF-8';
const CACHE = { 'cache-control': 'public, max-age=86400' };

/** GET /universal_avatar/view/type/{type}/avatar/{id} */
export const universalAvatar = (ctx: RequestContext): LocalResponse => {
  const type = param(ctx, 'type');
  const id = Number(param(ctx, 'id'));
  const image =
    type === 'issuetype' ? issueTypeIcon(id) : type === 'project' && id === 10400 ? projectAvatar() : undefined;
  if (!image) throw notFound('avatar');
  return binary(200, Buffer.from(image, 'utf8'), SVG, CACHE);
};

/** GET /images/icons/priorities/{name}.svg */
export const priorityImage = (ctx: RequestContext): LocalResponse => {
  const image = priorityIcon(param(ctx, 'name').replace(/\.svg$/, ''));
  if (!image) throw notFound('priority icon');
  return binary(200, Buffer.from(image, 'utf8'), SVG, CACHE);
};

/** GET /images/icons/statuses/{name}.png */
export const statusImage = (ctx: RequestContext): LocalResponse => {
  const image = statusIcon(param(ctx, 'name').replace(/\.png$/, ''));
  if (!image) throw notFound('status icon');
  return binary(200, image, 'image/png', CACHE);
};

/** GET /avatar-management/initials/{AA-3}.png?size=48 */
export const userAvatar = (ctx: RequestContext): LocalResponse => {
  const match = /^[A-Z]{1,2}-(\d+)\.png$/.exec(param(ctx, 'name'));
  if (!match) throw notFound('avatar');
  const size = Math.min(Math.max(Number(ctx.query.get('size')) || 48, 16), 128);
  return binary(200, initialsAvatar(Number(match[1]), size), 'image/png', CACHE);
};
