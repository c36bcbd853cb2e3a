import type { AdfDoc } from '../adf/types';
import type { SiteUser } from '../model';
import type { AttachmentFileName } from './attachment-files';

export interface SeedComment {
  author: SiteUser;
  created: string;
  updated?: string;
  body: AdfDoc;
}

export interface SeedAttachment {
  id: string;
  /** The Media Services file id descriptions and comments embed it by. */
  mediaId: string;
  filename: string;
  mimeType: string;
  author: SiteUser;
  created: string;
  file: AttachmentFileName;
}

/** One sample issue as written in `seed/issues/`; names (status, type, …) are resolved against the catalog. */
export interface SeedIssue {
  id: string;
  key: string;
  /** DEMO when not given. */
  projectKey?: 'DEMO' | 'OPS' | 'SEC';
  summary: string;
  type: 'Bug' | 'Task' | 'Story';
  status: 'To Do' | 'In Progress' | 'Waiting for customer' | 'Done';
  priority: 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
  reporter: SiteUser;
  assignee: SiteUser | null;
  labels: string[];
  components: string[];
  created: string;
  updated: string;
  statusChanged: string;
  duedate?: string;
  resolved?: string;
  description: AdfDoc;
  environment?: AdfDoc;
  watchers: SiteUser[];
  votes?: number;
  properties?: Record<string, unknown>;
  comments: SeedComment[];
  attachments: SeedAttachment[];
}
