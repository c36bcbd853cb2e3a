import { validateHandlerState } from '../../../src/generated/incoming-handler-state';
import { handlerStateSchema } from '../../../src/incoming/connection/handler-state-schema';
import { type StandaloneValidate, standaloneValidator } from '../../../src/shared/validator';
import { expectSameVerdicts, type Sample } from './same-verdict';

const state = {
  handlerId: 'h-1',
  folderId: 'inbox',
  deltaLink: 'https://graph.microsoft.com/v1.0/users/a/mailFolders/inbox/messages/delta?$deltatoken=x',
  subscriptionId: 'c6126aa3-0ed8-412f-a988-71e6cee627c4',
  subscriptionExpiresAt: '2026-12-09T10:00:00Z',
  connectedAt: '2026-12-06T10:00:00Z',
  lastDeltaAt: '2026-12-06T10:05:00Z',
};
const { folderId: _folderId, ...withoutFolder } = state;

const samples: Sample[] = [
  ['a state', state],
  ['connected, nothing else yet', { handlerId: 'h-1', folderId: 'inbox', connectedAt: '2026-12-06T10:00:00Z' }],
  ['unknown keys, stripped', { ...state, clientState: 'never stored' }],
  ['no folder', withoutFolder],
  ['a deltaLink that is a number', { ...state, deltaLink: 5 }],
  ['null', null],
];

describe('the generated handler state validator judges as handlerStateSchema', () => {
  expectSameVerdicts(handlerStateSchema, standaloneValidator(validateHandlerState as StandaloneValidate), samples);
});
