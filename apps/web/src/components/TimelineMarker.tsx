// One small line icon per kind of entry, so the eye can scan a long timeline by shape.
const PATHS: Record<string, string> = {
  call: 'M5 4h3l1.5 4-2 1.2a9 9 0 0 0 4.3 4.3L13 11.5l4 1.5v3a2 2 0 0 1-2 2A13 13 0 0 1 3 6a2 2 0 0 1 2-2Z',
  meeting:
    'M7.5 10a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm-4.5 7c0-2.5 2-4.5 4.5-4.5S12 14.5 12 17m1-7.5a2 2 0 1 0 0-4m1.5 7.5c1.5.4 2.5 1.9 2.5 3.5',
  email: 'M3.5 5.5h13v9h-13zm0 0 6.5 5 6.5-5',
  note: 'M5 3.5h7l3 3v10H5zM8 9h4m-4 3h4',
  task: 'M4 4h12v12H4zm3 6 2 2 4-4',
  'task-done': 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm-3-7 2 2 4-4',
  change: 'M4 16h3l8.5-8.5-3-3L4 13zm7-10 3 3',
  workflow: 'M4 5h4v4H4zm8 6h4v4h-4zM6 9v4h6',
};
const FALLBACK = 'M10 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z';

const TONES: Record<string, string> = {
  call: 'activity',
  meeting: 'activity',
  email: 'activity',
  note: 'note',
  task: 'task',
  'task-done': 'task',
  change: 'change',
  workflow: 'workflow',
};

export function TimelineMarker({ marker }: { marker: string }) {
  return (
    <span className={`timeline__marker timeline__marker--${TONES[marker] ?? 'activity'}`} aria-hidden="true">
      <svg viewBox="0 0 20 20" width="14" height="14">
        <path
          d={PATHS[marker] ?? FALLBACK}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}
