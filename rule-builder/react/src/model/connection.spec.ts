import { describe, expect, it } from '@jest/globals';
import { edgeOf, graphOf, leadCreated, taskStep } from '../testing/graphs';
import { checkConnection, connectableTargets } from './connection';

const end = { ...taskStep('done'), data: { stepType: 'end', config: {} } };
const graph = graphOf(
  [leadCreated(), taskStep('call'), taskStep('later'), end],
  [edgeOf('lead_created', 'call')],
);

describe(checkConnection.name, () => {
  it.each([
    ['call', 'lead_created', 'INTO_TRIGGER'],
    ['call', 'call', 'SELF_CONNECTION'],
    ['lead_created', 'call', 'DUPLICATE_CONNECTION'],
    ['done', 'call', 'FROM_END_STEP'],
    ['call', 'nowhere', 'UNKNOWN_ENDPOINT'],
  ])('refuses %s → %s with %s', (source, target, code) => {
    expect(checkConnection(graph, source, target)).toEqual({
      ok: false,
      notice: expect.objectContaining({ code }),
    });
  });

  it('allows a new arrow between steps, loops included', () => {
    expect(checkConnection(graph, 'call', 'later')).toEqual({ ok: true });
    expect(checkConnection(graph, 'later', 'call')).toEqual({ ok: true });
  });
});

describe(connectableTargets.name, () => {
  it('offers exactly the nodes checkConnection allows, in canvas order', () => {
    for (const source of ['lead_created', 'call', 'later', 'done', 'nowhere']) {
      const allowed = graph.nodes.filter((n) => checkConnection(graph, source, n.id).ok).map((n) => n.id);
      expect(connectableTargets(graph, source).map((n) => n.id)).toEqual(allowed);
    }
    expect(connectableTargets(graph, 'lead_created').map((n) => n.id)).toEqual(['later', 'done']);
  });
});
