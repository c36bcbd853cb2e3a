import { priorityImage, statusImage, universalAvatar, userAvatar } from './handlers/assets';
import { uploadAttachments } from './handlers/attachment-upload';
import {
  attachmentSettings,
  getAttachment,
  getAttachmentContent,
  getAttachmentThumbnail,
  getMediaFile,
} from './handlers/attachments';
import { getCommentProperty, listCommentProperties } from './handlers/comment-properties';
import { addComment, getComment, listComments } from './handlers/comments';
import { groupsPicker } from './handlers/groups';
import { createIssue } from './handlers/issue-create';
import { assignIssue, editIssue, listFields } from './handlers/issue-edit';
import {
  deleteIssueProperty,
  getIssueProperty,
  listIssueProperties,
  putIssueProperty,
} from './handlers/issue-properties';
import { getIssue } from './handlers/issues';
import { checkPermissions, myPermissions } from './handlers/permissions';
import { getProject, searchProjects } from './handlers/project';
import { listRoles, projectRole, projectRoles } from './handlers/roles';
import { approximateCount, searchJqlGet, searchJqlPost, searchRemoved } from './handlers/search';
import { serverInfo } from './handlers/server-info';
import { listStatuses } from './handlers/statuses';
import { doTransition, listTransitions } from './handlers/transitions';
import { getUserEmail, getUserEmailBulk } from './handlers/user-email';
import { bulkUsers, getUser, myself, searchUsers } from './handlers/users';
import { listWatchers } from './handlers/watchers';
import type { Route } from './http/router';
import { MEDIA_PATH } from './media-links';

/** Every call the local Jira answers. Fixed paths come before parameterised ones that could shadow them. */
export const ROUTES: readonly Route[] = [
  { scope: 'rest', pattern: '/serverInfo', methods: { GET: serverInfo }, anonymous: true },
  { scope: 'rest', pattern: '/myself', methods: { GET: myself } },
  { scope: 'rest', pattern: '/mypermissions', methods: { GET: myPermissions } },
  { scope: 'rest', pattern: '/permissions/check', methods: { POST: checkPermissions } },
  { scope: 'rest', pattern: '/user', methods: { GET: getUser } },
  { scope: 'rest', pattern: '/user/search', methods: { GET: searchUsers } },
  { scope: 'rest', pattern: '/user/bulk', methods: { GET: bulkUsers } },
  { scope: 'rest', pattern: '/user/email', methods: { GET: getUserEmail } },
  { scope: 'rest', pattern: '/user/email/bulk', methods: { GET: getUserEmailBulk } },
  { scope: 'rest', pattern: '/search', methods: { GET: searchRemoved, POST: searchRemoved } },
  { scope: 'rest', pattern: '/search/jql', methods: { GET: searchJqlGet, POST: searchJqlPost } },
  { scope: 'rest', pattern: '/search/approximate-count', methods: { POST: approximateCount } },
  { scope: 'rest', pattern: '/groups/picker', methods: { GET: groupsPicker } },
  { scope: 'rest', pattern: '/role', methods: { GET: listRoles } },
  { scope: 'rest', pattern: '/project/search', methods: { GET: searchProjects } },
  { scope: 'rest', pattern: '/project/{projectIdOrKey}', methods: { GET: getProject } },
  { scope: 'rest', pattern: '/project/{projectIdOrKey}/role', methods: { GET: projectRoles } },
  { scope: 'rest', pattern: '/project/{projectIdOrKey}/role/{id}', methods: { GET: projectRole } },
  { scope: 'rest', pattern: '/status', methods: { GET: listStatuses }, anonymous: true },
  { scope: 'rest', pattern: '/issue', methods: { POST: createIssue } },
  { scope: 'rest', pattern: '/field', methods: { GET: listFields } },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}', methods: { GET: getIssue, PUT: editIssue } },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}/assignee', methods: { PUT: assignIssue } },
  {
    scope: 'rest',
    pattern: '/issue/{issueIdOrKey}/transitions',
    methods: { GET: listTransitions, POST: doTransition },
  },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}/comment', methods: { GET: listComments, POST: addComment } },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}/comment/{id}', methods: { GET: getComment } },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}/attachments', methods: { POST: uploadAttachments } },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}/watchers', methods: { GET: listWatchers } },
  { scope: 'rest', pattern: '/issue/{issueIdOrKey}/properties', methods: { GET: listIssueProperties } },
  {
    scope: 'rest',
    pattern: '/issue/{issueIdOrKey}/properties/{propertyKey}',
    methods: { GET: getIssueProperty, PUT: putIssueProperty, DELETE: deleteIssueProperty },
  },
  { scope: 'rest', pattern: '/comment/{commentId}/properties', methods: { GET: listCommentProperties } },
  { scope: 'rest', pattern: '/comment/{commentId}/properties/{propertyKey}', methods: { GET: getCommentProperty } },
  { scope: 'rest', pattern: '/attachment/meta', methods: { GET: attachmentSettings } },
  { scope: 'rest', pattern: '/attachment/content/{id}', methods: { GET: getAttachmentContent } },
  { scope: 'rest', pattern: '/attachment/thumbnail/{id}', methods: { GET: getAttachmentThumbnail } },
  { scope: 'rest', pattern: '/attachment/{id}', methods: { GET: getAttachment } },
  { scope: 'site', pattern: MEDIA_PATH, methods: { GET: getMediaFile }, anonymous: true },
  {
    scope: 'rest',
    pattern: '/universal_avatar/view/type/{type}/avatar/{id}',
    methods: { GET: universalAvatar },
    anonymous: true,
  },
  { scope: 'site', pattern: '/images/icons/priorities/{name}', methods: { GET: priorityImage }, anonymous: true },
  { scope: 'site', pattern: '/images/icons/statuses/{name}', methods: { GET: statusImage }, anonymous: true },
  { scope: 'site', pattern: '/avatar-management/initials/{name}', methods: { GET: userAvatar }, anonymous: true },
];
