import type { AutomationActionOptions } from '../../../src/contract/automation-action';
import { type Loadable, useResolverLoad } from '../../shared/loadable';
import { getActionOptions } from './invokes';

export type ActionOptionsLoad = Loadable<AutomationActionOptions>;

/** The templates and credentials the selects offer, with "Try again" after a failure. */
export const useActionOptions = (): { load: ActionOptionsLoad; retry: () => void } =>
  useResolverLoad('', getActionOptions);
