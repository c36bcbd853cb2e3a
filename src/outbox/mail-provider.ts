import { GOOGLE_WORKSPACE } from '../contract/google-workspace-kinds';
import type { EmailRecord } from './email-record';

/** The provider an email record notes: Google Workspace's, or none for Microsoft 365 (every record before it). */
export type RecordProvider = NonNullable<EmailRecord['provider']>;

/** What a record keeps of a credential's provider. */
export const recordProviderOf = (credential: { provider?: string }): { provider?: RecordProvider } =>
  credential.provider === GOOGLE_WORKSPACE ? { provider: GOOGLE_WORKSPACE } : {};

/** Who takes the email, as the log names it: the service the sender knows, not its API. */
export const serviceName = (provider: string | undefined): string =>
  provider === GOOGLE_WORKSPACE ? 'Gmail' : 'Microsoft 365';
