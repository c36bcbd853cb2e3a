export { USER_COOKIE } from '../jira/web';
export type { AppCode } from './server/app-handlers';
export type { AutomationOutcome, AutomationRun, RunAutomationOptions } from './server/automation/automation-rules';
export {
  FIRST_RUN_DELAY_MS,
  INTERVAL_MS,
  type SchedulerClock,
  type TimerHandle,
  type TriggerRun,
  type TriggerStatus,
} from './server/scheduled-triggers';
export { DEMO_CREDENTIAL_NAME, type SeedOutcome } from './server/seed-demo-credential';
export { DEMO_GOOGLE_CREDENTIAL_NAME } from './server/seed-demo-google-credential';
export {
  DEFAULT_TENANT_CONFIG,
  DEFAULT_WORKSPACE_CONFIG,
  type LocalHost,
  type LocalHostOptions,
  LOOPBACK_HTTP_ENV,
  startLocalHost,
} from './server/start-local-host';
