import type { BacktestSide } from './backtest.entity';

/** Counts one version's outcomes over the sampled records as they come in. */
export class BacktestTally {
  private entered = 0;
  private notEntered = 0;
  private failed = 0;
  private readonly paths = new Map<string, { path: string[]; count: number }>();

  constructor(readonly version: number) {}

  skip(): void {
    this.notEntered += 1;
  }

  enter(path: readonly string[], failed: boolean): void {
    this.entered += 1;
    if (failed) this.failed += 1;
    // Ids are letters, digits, _ and -, so a comma never occurs inside one.
    const key = path.join(',');
    const known = this.paths.get(key);
    if (known) known.count += 1;
    else this.paths.set(key, { path: [...path], count: 1 });
  }

  /** Paths most frequent first, ties in path order, so the same records always read the same. */
  toJSON(): BacktestSide {
    const byPath = [...this.paths.entries()]
      .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => ({ path: [...entry.path], count: entry.count }));
    return {
      version: this.version,
      entered: this.entered,
      notEntered: this.notEntered,
      failed: this.failed,
      byPath,
    };
  }
}
