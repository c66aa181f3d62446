import { useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { openNotificationStream } from '../api/notifications';
import { SseParser, type SseEvent } from '../lib/sse';

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Keeps the notification stream open while mounted, reconnecting with backoff; `onEvent` gets every
 * event (`ready` after each connect, `notifications` per new one). Answers whether it is connected.
 */
export function useNotificationStream(onEvent: (event: SseEvent) => void): boolean {
  const [live, setLive] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: number | undefined;
    let retryMs = RETRY_MIN_MS;

    async function connect(): Promise<void> {
      try {
        const body = await openNotificationStream(signal);
        const reader = body.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        setLive(true);
        retryMs = RETRY_MIN_MS;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(decoder.decode(value, { stream: true }))) handler.current(event);
        }
      } catch (caught) {
        if (signal.aborted || isAbort(caught)) return;
        // The session is over: the app returns to the sign-in page, which unmounts this.
        if (isSessionEnded(caught)) return;
      }
      if (signal.aborted) return;
      setLive(false);
      timer = window.setTimeout(() => void connect(), retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }

    void connect();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
      setLive(false);
    };
  }, []);

  return live;
}
