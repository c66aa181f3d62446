import { eventTimeline } from './campaign-results';

const at = (iso: string) => new Date(iso);

describe(eventTimeline.name, () => {
  it('is empty with no events', () => {
    expect(eventTimeline([])).toEqual({ bucket: 'minute', points: [] });
  });

  it('counts a fresh campaign by the minute, padded with the quiet minutes before it', () => {
    const timeline = eventTimeline([
      { at: at('2026-11-26T09:05:10Z'), type: 'delivered', count: 3 },
      { at: at('2026-11-26T09:06:40Z'), type: 'opened', count: 1 },
    ]);
    expect(timeline.bucket).toBe('minute');
    expect(timeline.points).toHaveLength(12);
    expect(timeline.points[0]!.at).toBe('2026-11-26T08:55:00.000Z');
    expect(timeline.points.slice(-2)).toEqual([
      { at: '2026-11-26T09:05:00.000Z', delivered: 3, opened: 0, clicked: 0, unsubscribed: 0, bounced: 0 },
      { at: '2026-11-26T09:06:00.000Z', delivered: 0, opened: 1, clicked: 0, unsubscribed: 0, bounced: 0 },
    ]);
  });

  it('counts by the hour over a few hours, every hour present', () => {
    const timeline = eventTimeline([
      { at: at('2026-11-26T09:05:00Z'), type: 'delivered', count: 3 },
      { at: at('2026-11-26T09:40:00Z'), type: 'opened', count: 1 },
      { at: at('2026-11-26T22:10:00Z'), type: 'clicked', count: 2 },
    ]);
    expect(timeline.bucket).toBe('hour');
    expect(timeline.points).toHaveLength(14);
    expect(timeline.points[0]).toEqual({
      at: '2026-11-26T09:00:00.000Z',
      delivered: 3,
      opened: 1,
      clicked: 0,
      unsubscribed: 0,
      bounced: 0,
    });
    expect(timeline.points.at(-1)).toMatchObject({ at: '2026-11-26T22:00:00.000Z', clicked: 2 });
  });

  it('counts by the day once the events span more than three days', () => {
    const timeline = eventTimeline([
      { at: at('2026-11-20T23:00:00Z'), type: 'delivered', count: 1 },
      { at: at('2026-11-24T01:00:00Z'), type: 'opened', count: 4 },
    ]);
    expect(timeline.bucket).toBe('day');
    const days = timeline.points.map((p) => [p.at.slice(0, 10), p.delivered, p.opened]);
    expect(days).toHaveLength(12);
    expect(days.slice(-5)).toEqual([
      ['2026-11-20', 1, 0],
      ['2026-11-21', 0, 0],
      ['2026-11-22', 0, 0],
      ['2026-11-23', 0, 0],
      ['2026-11-24', 0, 4],
    ]);
  });
});
