import type { Status } from './model';
import { STATUSES } from './seed/catalog';

/** One transition of the site's workflow: where it may start and the status it leads to. */
export interface WorkflowTransition {
  id: string;
  name: string;
  toStatusId: string;
  fromStatusIds: readonly string[];
}

/** New issues start here (To Do). */
export const INITIAL_STATUS_ID = '10000';

/**
 * The workflow DEMO and OPS share: To Do -> In Progress -> Waiting for customer -> Done, each step back, and
 * Done reopened into In Progress. As in Jira's simplified workflows, a transition is named after its status and
 * keeps one id wherever it starts.
 */
export const WORKFLOW_TRANSITIONS: readonly WorkflowTransition[] = [
  { id: '11', name: 'To Do', toStatusId: '10000', fromStatusIds: ['3'] },
  { id: '21', name: 'In Progress', toStatusId: '3', fromStatusIds: ['10000', '10002', '10001'] },
  { id: '31', name: 'Waiting for customer', toStatusId: '10002', fromStatusIds: ['3'] },
  { id: '41', name: 'Done', toStatusId: '10001', fromStatusIds: ['3', '10002'] },
];

export const statusById = (id: string): Status | undefined => STATUSES.find((status) => status.id === id);

/** The transitions an issue in `statusId` can take, in workflow order. */
export const transitionsFrom = (statusId: string): WorkflowTransition[] =>
  WORKFLOW_TRANSITIONS.filter((transition) => transition.fromStatusIds.includes(statusId));
