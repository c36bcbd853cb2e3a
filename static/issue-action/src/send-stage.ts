import type { DeliveryProgress } from './delivery-tracker';

/**
 * Where the dialog is with "Send": `editing` (nothing queued, or it failed: the form is open to fix and send
 * again), `following` (queued, waiting for sent or failed), `done` (sent, or no longer followed: sending again
 * could email twice).
 */
export type SendStage = 'editing' | 'following' | 'done';

export const sendStage = (progress: DeliveryProgress | null): SendStage => {
  if (!progress) return 'editing';
  if (progress.phase === 'following') return 'following';
  if (progress.phase === 'final' && progress.view.status === 'failed') return 'editing';
  return 'done';
};
