import type { RequestContext } from '../http/context';
import type { Component, IssueType, Priority, Project, Resolution, Status } from '../model';
import { STATUS_CATEGORIES } from '../seed/catalog';

export const issueTypeIconUrl = (ctx: RequestContext, type: IssueType): string =>
  `${ctx.restBase}/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`;

export const issueTypeBean = (ctx: RequestContext, type: IssueType): Record<string, unknown> => ({
  self: `${ctx.restBase}/issuetype/${type.id}`,
  id: type.id,
  description: type.description,
  iconUrl: issueTypeIconUrl(ctx, type),
  name: type.name,
  subtask: false,
  avatarId: type.avatarId,
  hierarchyLevel: 0,
});

export const statusBean = (ctx: RequestContext, status: Status): Record<string, unknown> => {
  const category = STATUS_CATEGORIES.find((candidate) => candidate.id === status.categoryId);
  return {
    self: `${ctx.restBase}/status/${status.id}`,
    description: status.description,
    iconUrl: `${ctx.siteUrl}${status.iconPath}`,
    name: status.name,
    id: status.id,
    statusCategory: category
      ? {
          self: `${ctx.restBase}/statuscategory/${category.id}`,
          id: category.id,
          key: category.key,
          colorName: category.colorName,
          name: category.name,
        }
      : undefined,
  };
};

export const priorityBean = (ctx: RequestContext, priority: Priority): Record<string, unknown> => ({
  self: `${ctx.restBase}/priority/${priority.id}`,
  iconUrl: `${ctx.siteUrl}/images/icons/priorities/${priority.iconName}.svg`,
  name: priority.name,
  id: priority.id,
});

export const resolutionBean = (ctx: RequestContext, resolution: Resolution): Record<string, unknown> => ({
  self: `${ctx.restBase}/resolution/${resolution.id}`,
  id: resolution.id,
  description: resolution.description,
  name: resolution.name,
});

export const componentBean = (ctx: RequestContext, component: Component): Record<string, unknown> => ({
  self: `${ctx.restBase}/component/${component.id}`,
  id: component.id,
  name: component.name,
  description: component.description,
});

export const projectAvatarUrls = (ctx: RequestContext, project: Project): Record<string, string> => {
  const url = (size: string): string =>
    `${ctx.restBase}/universal_avatar/view/type/project/avatar/${project.avatarId}?size=${size}`;
  return { '48x48': url('large'), '24x24': url('small'), '16x16': url('xsmall'), '32x32': url('medium') };
};

/** The short project shape issues carry in `fields.project`. */
export const projectSummaryBean = (ctx: RequestContext, project: Project): Record<string, unknown> => ({
  self: `${ctx.restBase}/project/${project.id}`,
  id: project.id,
  key: project.key,
  name: project.name,
  projectTypeKey: project.projectTypeKey,
  simplified: false,
  avatarUrls: projectAvatarUrls(ctx, project),
});
