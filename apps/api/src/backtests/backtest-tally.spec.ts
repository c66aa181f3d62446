import { BacktestTally } from './backtest-tally';

describe(BacktestTally.name, () => {
  it('counts entered and skipped records and groups identical paths, most frequent first', () => {
    const tally = new BacktestTally(3);
    tally.enter(['assign', 'task'], false);
    tally.skip();
    tally.enter(['assign', 'notify'], false);
    tally.enter(['assign', 'task'], false);
    tally.enter(['assign'], true);

    expect(tally.toJSON()).toEqual({
      version: 3,
      entered: 4,
      notEntered: 1,
      failed: 1,
      byPath: [
        { path: ['assign', 'task'], count: 2 },
        { path: ['assign'], count: 1 },
        { path: ['assign', 'notify'], count: 1 },
      ],
    });
  });

  it('keeps an empty path (a trigger with no step after it) apart from the others', () => {
    const tally = new BacktestTally(1);
    tally.enter([], false);
    tally.enter(['a'], false);
    expect(tally.toJSON().byPath).toEqual([
      { path: [], count: 1 },
      { path: ['a'], count: 1 },
    ]);
  });
});
