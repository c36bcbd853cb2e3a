import type { CredentialView } from '../../../../src/contract';
import { NotificationRulesSection } from '../../../../static/admin/src/notification-rules/notification-rules-section';
import { useTemplateList } from '../../../../static/admin/src/templates/use-template-list';
import type { Loadable } from '../../../../static/shared/loadable';
import { CREDENTIALS } from './notification-rule-fixtures';

/** The section as the admin page mounts it: with the page's template list and credentials. */
export const RulesHarness = ({ credentials = CREDENTIALS }: { credentials?: Loadable<CredentialView[]> }) => {
  const list = useTemplateList();
  return <NotificationRulesSection list={list} credentials={credentials} />;
};
