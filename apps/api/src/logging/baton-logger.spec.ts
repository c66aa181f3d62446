import { BatonLogger } from './baton-logger';
import { withLogContext } from './log-context';

function capture(level: 'info' | 'debug' | 'warn' = 'info') {
  const lines: string[] = [];
  const logger = new BatonLogger('json', level, (line) => lines.push(line));
  return { logger, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe(BatonLogger.name, () => {
  it('writes one JSON object per line with the context and the ids of the work being done', async () => {
    const { logger, records } = capture();
    await withLogContext({ requestId: 'req-1' }, async () => {
      await Promise.resolve();
      logger.log('lead created', 'leads');
    });
    withLogContext({ runId: 'run-wf-ev', activity: 'create_task' }, () => logger.warn('slow step', 'worker'));

    expect(records()).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'leads',
        message: 'lead created',
        requestId: 'req-1',
      }),
      expect.objectContaining({
        level: 'warn',
        context: 'worker',
        runId: 'run-wf-ev',
        activity: 'create_task',
      }),
    ]);
    expect(records()[0]!.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  });

  it('keeps the stack Nest passes with an error', () => {
    const { logger, records } = capture();
    logger.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)', 'http');
    expect(records()).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'http',
        message: 'boom',
        stack: expect.stringContaining('at somewhere'),
      }),
    ]);
  });

  it('drops records below the configured level', () => {
    const { logger, records } = capture('warn');
    logger.log('routine', 'x');
    logger.debug('detail', 'x');
    logger.record('log', 'http', 'GET / 200', { status: 200 });
    logger.warn('odd', 'x');
    expect(records().map((r) => r.message)).toEqual(['odd']);
  });

  it("adds a record's own fields", () => {
    const { logger, records } = capture();
    logger.record('log', 'http', 'POST /api/leads 201', { status: 201, durationMs: 12.5 });
    expect(records()[0]).toMatchObject({ context: 'http', status: 201, durationMs: 12.5 });
  });
});
