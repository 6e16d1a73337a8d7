import { useEffect, useRef, useState } from 'react';

/**
 * Calls onChange (at most every intervalMs) with the log position of the latest event the read
 * models took in, from the API's Server-Sent Events (the browser sends the session cookie; an
 * EventSource cannot send headers). Off when enabled is false (a past 截至 date does not change).
 */
export function useLiveUpdates(
  enabled: boolean,
  onChange: (position: string) => void,
  intervalMs = 500,
): boolean {
  const [connected, setConnected] = useState(false);
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/events/stream');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = '';
    const changed = (event: MessageEvent) => {
      latest = event.lastEventId;
      timer ??= setTimeout(() => {
        timer = undefined;
        callback.current(latest);
      }, intervalMs);
    };
    source.addEventListener('projected', changed);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
      setConnected(false);
    };
  }, [enabled, intervalMs]);

  return connected;
}
