import { useCallback, useEffect, useRef, useState } from 'react';

import type { SentIssueEmail } from '../../../src/contract/issue-email';
import {
  type DeliveryFollower,
  type DeliveryProgress,
  type DialogAttention,
  documentAttention,
  followDelivery,
  type PollScheduler,
  type ReadStatus,
} from './delivery-tracker';
import { getEmailStatus } from './invokes';

export interface DeliverySeams {
  readStatus?: ReadStatus;
  scheduler?: PollScheduler;
  attention?: DialogAttention;
}

/**
 * Follows the email "Send" queued while the dialog is open; asking stops with the final status or when the
 * dialog unmounts (closing it removes the frame). `onEnd` hears the last progress once.
 */
export const useDelivery = (onEnd: (progress: DeliveryProgress) => void, seams: DeliverySeams = {}) => {
  const [progress, setProgress] = useState<DeliveryProgress | null>(null);
  const follower = useRef<DeliveryFollower | null>(null);
  const latestOnEnd = useRef(onEnd);
  useEffect(() => {
    latestOnEnd.current = onEnd;
  });
  const { readStatus = getEmailStatus, scheduler, attention } = seams;

  const follow = useCallback(
    (sent: SentIssueEmail) => {
      follower.current?.stop();
      follower.current = followDelivery({
        sent,
        readStatus,
        ...(scheduler ? { scheduler } : {}),
        attention: attention ?? documentAttention(),
        onProgress: (next) => {
          setProgress(next);
          if (next.phase !== 'following') latestOnEnd.current(next);
        },
      });
    },
    [readStatus, scheduler, attention],
  );

  const reset = useCallback(() => {
    follower.current?.stop();
    follower.current = null;
    setProgress(null);
  }, []);

  useEffect(
    () => () => {
      follower.current?.stop();
    },
    [],
  );

  return { progress, follow, reset };
};
