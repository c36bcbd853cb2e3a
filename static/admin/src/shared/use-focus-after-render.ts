import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Focus for an element the next render shows, when an action removed the one that had focus: the returned function
 * takes the element's id; `fallbackId` is focused when that element is not there.
 */
export const useFocusAfterRender = (fallbackId?: string) => {
  /** The id asked for, waiting for the render that shows it. */
  const pending = useRef<string | null>(null);
  const [requested, setRequested] = useState(0);

  useEffect(() => {
    const id = pending.current;
    if (id === null) return;
    pending.current = null;
    (document.getElementById(id) ?? (fallbackId ? document.getElementById(fallbackId) : null))?.focus();
  }, [requested, fallbackId]);

  return useCallback((id: string) => {
    pending.current = id;
    setRequested((count) => count + 1);
  }, []);
};
