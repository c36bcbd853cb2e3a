import type { LocalResponse } from '../../http-types';
import { issueTypeBean, projectAvatarUrls } from '../beans/catalog';
import { userBean } from '../beans/users';
import { restErrors } from '../errors';
import { param, type RequestContext, viewerOf } from '../http/context';
import { intParam, listParam } from '../http/query';
import { json } from '../http/responses';
import type { Project } from '../model';
import { hasPermission } from '../permissions';
import { ISSUE_TYPES } from '../seed/catalog';

/** GET /project/{projectIdOrKey} */
export const getProject = (ctx: RequestContext): LocalResponse => {
  const ref = param(ctx, 'projectIdOrKey');
  const project = ctx.store.project(ref);
  if (!project || !hasPermission(viewerOf(ctx), 'BROWSE_PROJECTS', { project, issues: ctx.store.issues() })) {
    throw restErrors.projectNotFound(ref);
  }
  const lead = ctx.store.author(project.leadAccountId);
  const roleUrl = (id: number): string => `${ctx.restBase}/project/${project.id}/role/${id}`;
  return json(200, {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.restBase}/project/${project.id}`,
    id: project.id,
    key: project.key,
    description: project.description,
    lead: lead ? userBean(ctx, lead) : undefined,
    components: project.components.map((component) => ({
      self: `${ctx.restBase}/component/${component.id}`,
      id: component.id,
      name: component.name,
      description: component.description,
      assigneeType: 'PROJECT_DEFAULT',
      realAssigneeType: 'PROJECT_DEFAULT',
      isAssigneeTypeValid: false,
      project: project.key,
      projectId: Number(project.id),
    })),
    issueTypes: project.issueTypeIds.flatMap((id) => {
      const type = ISSUE_TYPES.find((candidate) => candidate.id === id);
      return type ? [issueTypeBean(ctx, type)] : [];
    }),
    assigneeType: 'UNASSIGNED',
    versions: [],
    name: project.name,
    roles: Object.fromEntries(ctx.store.projectRoles().map((role) => [role.name, roleUrl(role.id)])),
    avatarUrls: projectAvatarUrls(ctx, project),
    projectCategory: {
      self: `${ctx.restBase}/projectCategory/10000`,
      id: '10000',
      name: project.categoryName,
      description: '',
    },
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  });
};

/** `ProjectCategory` as project answers carry it. */
const categoryBean = (ctx: RequestContext, project: Project): Record<string, unknown> => ({
  self: `${ctx.restBase}/projectCategory/10000`,
  id: '10000',
  name: project.categoryName,
  description: '',
});

/** Jira pages project searches by at most this many. */
const MAX_PROJECT_PAGE = 100;

const PROJECT_ORDERS: Record<string, (a: Project, b: Project) => number> = {
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name),
  category: (a, b) => a.categoryName.localeCompare(b.categoryName),
};

/**
 * GET /project/search: the projects the caller can browse (`action=view`), filtered by `query` (key or name,
 * any case), `keys` and `typeKey`, ordered by `orderBy` (key, name or category, `-` for descending), paged.
 */
export const searchProjects = (ctx: RequestContext): LocalResponse => {
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = Math.min(intParam(ctx.query, 'maxResults', 50), MAX_PROJECT_PAGE);
  const orderBy = ctx.query.get('orderBy') ?? 'key';
  const descending = orderBy.startsWith('-');
  const order = PROJECT_ORDERS[orderBy.replace(/^[+-]/, '')];
  if (!order) throw restErrors.badRequest([`The orderBy value '${orderBy}' is not supported.`]);
  const query = (ctx.query.get('query') ?? '').toLowerCase();
  const keys = ctx.query.getAll('keys');
  const types = listParam(ctx.query, 'typeKey');
  const viewer = viewerOf(ctx);
  const found = ctx.store
    .projects()
    .filter((project) => hasPermission(viewer, 'BROWSE_PROJECTS', { project, issues: ctx.store.issues() }))
    .filter(
      (project) =>
        query === '' || project.key.toLowerCase().includes(query) || project.name.toLowerCase().includes(query),
    )
    .filter((project) => keys.length === 0 || keys.includes(project.key))
    .filter((project) => types.length === 0 || types.includes(project.projectTypeKey))
    .sort((a, b) => (descending ? -order(a, b) : order(a, b)));
  const isLast = startAt + maxResults >= found.length;
  const pageUrl = (from: number): string => {
    const params = new URLSearchParams(ctx.query);
    params.set('startAt', String(from));
    params.set('maxResults', String(maxResults));
    return `${ctx.restBase}/project/search?${params.toString()}`;
  };
  return json(200, {
    self: pageUrl(startAt),
    ...(isLast ? {} : { nextPage: pageUrl(startAt + maxResults) }),
    maxResults,
    startAt,
    total: found.length,
    isLast,
    values: found.slice(startAt, startAt + maxResults).map((project) => ({
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: `${ctx.restBase}/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      avatarUrls: projectAvatarUrls(ctx, project),
      projectCategory: categoryBean(ctx, project),
      projectTypeKey: project.projectTypeKey,
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
    })),
  });
};
