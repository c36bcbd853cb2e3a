// The render thread (templates/render-thread.ts) runs this function's own bundle: its module must be in the entry,
// not in the chunk of the section that renders, for the thread to start serving when it loads the bundle.
import '../templates/render-thread';

import { lazyIssueActionFunctions } from './issue-action/issue-action-parts';
import { ownDefinitions } from './own-definitions';

export const handler = ownDefinitions(lazyIssueActionFunctions());
