import type { DiagnosisStatus, DiagnosisStep } from '../../contract/credential-health';

export const STEP_TITLES: Readonly<Record<DiagnosisStep['key'], string>> = {
  token: 'Token',
  permissions: 'Permissions',
  mailbox: 'Sender mailbox',
  'test-email': 'Test email',
};

export const step = (
  key: DiagnosisStep['key'],
  status: DiagnosisStatus,
  message: string,
  code?: string,
): DiagnosisStep => ({
  key,
  status,
  title: STEP_TITLES[key],
  message,
  ...(code === undefined ? {} : { code }),
});

export const skipped = (key: DiagnosisStep['key'], message: string): DiagnosisStep => step(key, 'skipped', message);
