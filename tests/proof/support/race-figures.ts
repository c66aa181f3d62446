import type { ApiResponse } from '../../support/api';

/** One line of the race suite's figures: what raced, how often, and how the answers split. */
export interface RaceRow {
  race: string;
  attempts: number;
  answers: Record<string, number>;
  invariant: string;
  held: boolean;
  ms: number;
}

/** `200`, `409 CONFLICT`, … for a response, so the split of answers reads at a glance. */
export function answerKey(res: ApiResponse): string {
  const code = (res.body as { code?: unknown } | null)?.code;
  return res.status >= 400 && typeof code === 'string' ? `${res.status} ${code}` : String(res.status);
}

export function countAnswers(responses: ApiResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const res of responses) counts[answerKey(res)] = (counts[answerKey(res)] ?? 0) + 1;
  return counts;
}

export function raceTable(rows: RaceRow[]): string {
  return [
    '| race | attempts | answers | invariant | held | time |',
    '| --- | ---: | --- | --- | :---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.race} | ${r.attempts} | ${Object.entries(r.answers)
          .sort()
          .map(([k, n]) => `${k} ×${n}`)
          .join(', ')} | ${r.invariant} | ${r.held ? '✔' : '✘'} | ${(r.ms / 1000).toFixed(1)} s |`,
    ),
  ].join('\n');
}
