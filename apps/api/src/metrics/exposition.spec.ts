import { Registry } from './exposition';

describe(Registry.name, () => {
  it('renders counters and gauges with escaped labels, one series per label set', () => {
    const registry = new Registry();
    const requests = registry.counter('requests', 'Requests\nserved');
    requests.inc({ route: '/a', method: 'GET' });
    requests.inc({ method: 'GET', route: '/a' }, 2);
    requests.inc({ route: 'say "hi"\\' });
    registry.gauge('lag_seconds', 'Lag').set({}, 1.5);

    expect(registry.render()).toBe(
      [
        '# HELP requests Requests\\nserved',
        '# TYPE requests counter',
        'requests{route="/a",method="GET"} 3',
        'requests{route="say \\"hi\\"\\\\"} 1',
        '# HELP lag_seconds Lag',
        '# TYPE lag_seconds gauge',
        'lag_seconds 1.5',
        '',
      ].join('\n'),
    );
  });

  it('renders cumulative histogram buckets with +Inf, sum and count', () => {
    const registry = new Registry();
    const latency = registry.histogram('latency_seconds', 'Latency', [0.1, 1]);
    latency.observe({ route: '/x' }, 0.05);
    latency.observe({ route: '/x' }, 0.5);
    latency.observe({ route: '/x' }, 3);

    expect(registry.render().split('\n')).toEqual([
      '# HELP latency_seconds Latency',
      '# TYPE latency_seconds histogram',
      'latency_seconds_bucket{route="/x",le="0.1"} 1',
      'latency_seconds_bucket{route="/x",le="1"} 2',
      'latency_seconds_bucket{route="/x",le="+Inf"} 3',
      'latency_seconds_sum{route="/x"} 3.55',
      'latency_seconds_count{route="/x"} 3',
      '',
    ]);
  });

  it('replaces every series of a gauge on reset, so a vanished label set stops being reported', () => {
    const registry = new Registry();
    const runs = registry.gauge('runs', 'Runs');
    runs.reset([{ labels: { status: 'running' }, value: 2 }]);
    runs.reset([{ labels: { status: 'completed' }, value: 5 }]);
    expect(registry.render()).not.toContain('running');
    expect(registry.render()).toContain('runs{status="completed"} 5');
  });

  it('refuses to reuse a name for another kind of metric and sanitises names', () => {
    const registry = new Registry();
    registry.counter('temporal.request', 'Requests');
    expect(() => registry.gauge('temporal.request', 'Requests')).toThrow('already a counter');
    expect(registry.render()).toContain('# TYPE temporal_request counter');
  });
});
