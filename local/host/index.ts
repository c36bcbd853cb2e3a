export type { AppCode } from './server/app-handlers';
export { startLocalHost, DEFAULT_TENANT_CONFIG, LOOPBACK_HTTP_ENV, type LocalHost, type LocalHostOptions } from './server/start-local-host';
export { DEMO_CREDENTIAL_NAME, type SeedOutcome } from './server/seed-demo-credential';
export { USER_COOKIE } from './server/current-user';
export type { AutomationOutcome, AutomationRun, RunAutomationOptions } from './server/automation/automation-rules';
export {
  FIRST_RUN_DELAY_MS,
  INTERVAL_MS,
  type SchedulerClock,
  type TimerHandle,
  type TriggerRun,
  type TriggerStatus,
} from './server/scheduled-triggers';
