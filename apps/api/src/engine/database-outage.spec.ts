import { throughDatabaseOutage } from './database-outage';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });

/** A transaction that fails with `failures` errors first, then answers "done". */
function transaction(failures: Error[]) {
  const calls = { count: 0 };
  const run = () => {
    calls.count += 1;
    const failure = failures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve('done');
  };
  return { run, calls };
}

describe(throughDatabaseOutage.name, () => {
  it('tries again, within the same attempt, until the database answers', async () => {
    const { run, calls } = transaction([refused(), refused()]);
    await expect(throughDatabaseOutage(run, 5_000)).resolves.toBe('done');
    expect(calls.count).toBe(3);
  });

  it('gives the failure back to Temporal once the wait is over', async () => {
    const { run, calls } = transaction(Array.from({ length: 10 }, refused));
    await expect(throughDatabaseOutage(run, 1_200)).rejects.toThrow('ECONNREFUSED');
    expect(calls.count).toBeLessThan(4);
  });

  it('does not wait on any other failure', async () => {
    const { run, calls } = transaction([new Error('The task assignee does not exist')]);
    await expect(throughDatabaseOutage(run, 5_000)).rejects.toThrow('assignee');
    expect(calls.count).toBe(1);
  });
});
