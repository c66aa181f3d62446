import { ERROR_CODES } from '@baton/domain';
import type { RawRequest, RawResult } from './send';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** Counts of one group of hostile requests, as the proof reports them. */
export interface Counts {
  tried: number;
  accepted: number;
  rejected4xx: number;
  server5xx: number;
  crashes: number;
  badErrorBodies: number;
}

/**
 * Tallies hostile requests and keeps every broken invariant: a 5xx, a hang or dropped connection
 * (a crash, from the client's side), or a 4xx whose body is not `{ code, message }` with a code
 * from the domain's list.
 */
export class Tally {
  readonly groups = new Map<string, Counts>();
  readonly problems: { group: string; text: string }[] = [];

  record(group: string, label: string, req: RawRequest, result: RawResult): void {
    const counts = this.counts(group);
    counts.tried++;
    const what = `${group} · ${label} · ${req.method} ${req.path.slice(0, 160)}`;
    if (result.kind !== 'response') {
      counts.crashes++;
      this.problem(group, `${what} → ${result.kind}${result.kind === 'network' ? ` ${result.error}` : ''}`);
      return;
    }
    if (result.status >= 500) {
      counts.server5xx++;
      this.problem(group, `${what} → ${result.status} ${result.text.slice(0, 200)}`);
    } else if (result.status >= 400) {
      counts.rejected4xx++;
      const body = result.json as { code?: unknown; message?: unknown } | null | undefined;
      const wellFormed =
        typeof body === 'object' &&
        body !== null &&
        typeof body.code === 'string' &&
        KNOWN_CODES.has(body.code) &&
        typeof body.message === 'string' &&
        body.message.length > 0;
      if (!wellFormed) {
        counts.badErrorBodies++;
        this.problem(group, `${what} → ${result.status} with body ${result.text.slice(0, 200) || '(empty)'}`);
      }
    } else {
      counts.accepted++;
    }
  }

  /** The broken invariants of the groups whose name starts with `prefix`, for a failure message. */
  problemsIn(prefix: string): string[] {
    return this.problems.filter((p) => p.group.startsWith(prefix)).map((p) => p.text);
  }

  total(): Counts {
    const sum = emptyCounts();
    for (const c of this.groups.values())
      for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += c[key];
    return sum;
  }

  /** A Markdown table of the figures, one row a group and a total. */
  table(): string {
    const rows = [...this.groups.entries(), ['total', this.total()] as const];
    const lines = [
      '| group | tried | 2xx (accepted) | 4xx (rejected) | 5xx | crashes/hangs | 4xx without `{code,message}` |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        ([name, c]) =>
          `| ${name} | ${c.tried} | ${c.accepted} | ${c.rejected4xx} | ${c.server5xx} | ${c.crashes} | ${c.badErrorBodies} |`,
      ),
    ];
    return lines.join('\n');
  }

  private problem(group: string, text: string): void {
    this.problems.push({ group, text });
  }

  private counts(group: string): Counts {
    let counts = this.groups.get(group);
    if (!counts) this.groups.set(group, (counts = emptyCounts()));
    return counts;
  }
}

function emptyCounts(): Counts {
  return { tried: 0, accepted: 0, rejected4xx: 0, server5xx: 0, crashes: 0, badErrorBodies: 0 };
}
