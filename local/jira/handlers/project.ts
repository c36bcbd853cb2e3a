import { issueTypeBean, projectAvatarUrls } from '../beans/catalog';
import { userBean } from '../beans/users';
import { restErrors } from '../errors';
import { param, viewerOf, type RequestContext } from '../http/context';
import { json } from '../http/responses';
import type { LocalResponse } from '../../http-types';
import { hasPermission } from '../permissions';
import { ISSUE_TYPES } from '../seed/catalog';

/** GET /project/{projectIdOrKey} */
export function getProject(ctx: RequestContext): LocalResponse {
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
    roles: { Administrators: roleUrl(10002), Member: roleUrl(10003), Viewer: roleUrl(10004) },
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
}
