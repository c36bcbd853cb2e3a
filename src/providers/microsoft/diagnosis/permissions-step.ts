import {
  type DiagnosisStep,
  type PermissionStatus,
  REQUIRED_PERMISSIONS,
  type RequiredPermission,
} from '../../../contract/credential-health';
import { step } from '../../../credentials/diagnosis/step';
import { readTokenPermissions } from '../../../oauth/token-claims';

export const PermissionsCode = {
  NoConsent: 'PERMISSIONS_NO_ADMIN_CONSENT',
  MailSendMissing: 'PERMISSION_MAIL_SEND_MISSING',
  SomeMissing: 'PERMISSIONS_MISSING',
  Unreadable: 'PERMISSIONS_UNREADABLE',
} as const;

const API_PERMISSIONS = 'Microsoft Entra admin center > App registrations > your app > API permissions';
const CONSENT_BUTTON = '"Grant admin consent for <your organization>"';

/** "A, B and C" */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

export interface PermissionsStepResult {
  step: DiagnosisStep;
  /** Undefined when the token's permissions cannot be read. */
  permissions?: PermissionStatus[];
  /** Undefined when unknown. */
  granted?: ReadonlySet<RequiredPermission>;
}

/**
 * The application permissions in the token's `roles` claim, each required one granted or missing. A token
 * without roles was issued without admin consent: the guidance names the page and the button.
 */
export const permissionsStep = (accessToken: string): PermissionsStepResult => {
  const read = readTokenPermissions(accessToken);
  if (!read.readable) {
    return {
      step: step(
        'permissions',
        'warning',
        "The token's permissions cannot be read here; the mailbox check and a test email show whether they are enough.",
        PermissionsCode.Unreadable,
      ),
    };
  }
  const permissions = REQUIRED_PERMISSIONS.map((permission) => ({
    permission,
    granted: read.roles.includes(permission),
  }));
  const granted = new Set(permissions.filter((entry) => entry.granted).map((entry) => entry.permission));
  const missing = permissions.filter((entry) => !entry.granted).map((entry) => entry.permission);
  const all = listed(REQUIRED_PERMISSIONS);

  if (read.roles.length === 0) {
    return {
      permissions,
      granted,
      step: step(
        'permissions',
        'failed',
        'The token carries no application permissions: admin consent has not been granted. In ' +
          `${API_PERMISSIONS}, add the Microsoft Graph application permissions ${all}, then select ${CONSENT_BUTTON}.`,
        PermissionsCode.NoConsent,
      ),
    };
  }
  if (missing.length === 0) {
    return { permissions, granted, step: step('permissions', 'passed', `The token carries ${all}.`) };
  }
  const fix =
    `In ${API_PERMISSIONS}, add ${listed(missing)} as Microsoft Graph application permissions (not delegated), ` +
    `then select ${CONSENT_BUTTON}.`;
  if (!granted.has('Mail.Send')) {
    return {
      permissions,
      granted,
      step: step(
        'permissions',
        'failed',
        `The token lacks ${listed(missing)}, so no mail can go out. ${fix}`,
        PermissionsCode.MailSendMissing,
      ),
    };
  }
  return {
    permissions,
    granted,
    step: step(
      'permissions',
      'warning',
      `Mail.Send is granted, so mail can go out, but the token lacks ${listed(missing)}, which Test connection uses to check the sender mailbox. ${fix}`,
      PermissionsCode.SomeMissing,
    ),
  };
};
