export type Log = (message: string) => void;

/** Console logger with a component prefix, so interleaved child output stays readable. */
export function prefixedLog(component: string): Log {
  return (message) => {
    for (const line of message.split('\n')) if (line.trim()) console.log(`[${component}] ${line}`);
  };
}

export const silentLog: Log = () => undefined;
