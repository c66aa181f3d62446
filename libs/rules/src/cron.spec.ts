import { cronProblem } from './index';

describe(cronProblem.name, () => {
  it.each([
    '* * * * *',
    '0 9 * * MON-FRI',
    '*/15 * * * *',
    '0-30/10 8-18 * * 1-5',
    '0 0 1 JAN,jul *',
    '59 23 31 12 6',
    '  5   4 * * sun  ',
  ])('accepts %p', (expression) => {
    expect(cronProblem(expression)).toBeNull();
  });

  it.each([
    ['', /has 5 fields.*has 0/],
    ['* * * *', /has 5 fields.*has 4/],
    ['0 0 * * * 2026', /has 5 fields.*has 6/],
    ['60 * * * *', /^minute: "60" is not a valid minute \(0–59\)/],
    ['0 24 * * *', /^hour: "24"/],
    ['0 0 0 * *', /^day of month: "0"/],
    ['0 0 * 13 *', /^month: "13"/],
    ['0 0 * * 7', /^day of week: "7"/],
    ['0 0 * FOO *', /^month: "FOO"/],
    ['*/0 * * * *', /step .* at least 1/],
    ['5/15 * * * *', /as a range with a step, e\.g\. "5-59\/15"/],
    ['30-10 * * * *', /runs backwards/],
    ['0 9 * * MON-', /not a value, range or step/],
    ['@daily', /has 5 fields/],
    ['0,,5 * * * *', /not a value/],
  ])('rejects %p', (expression, message) => {
    expect(cronProblem(expression)).toMatch(message);
  });
});
