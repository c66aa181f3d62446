import type { WorkflowDefinition } from '@baton/contracts';
import { workflowDefinitionSchema } from '@baton/contracts';
import { definitionToGraph } from './definition-to-graph';
import type { Diagnostic } from './diagnostics';
import { graphToDefinition } from './graph-to-definition';
import { TEST_CATALOG } from './testing/test-catalog';
import { validateDefinition } from './validate/validate-definition';

const CAMPAIGN = '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60';

const withTriggers = (triggers: Array<Record<string, unknown>>): WorkflowDefinition =>
  ({
    schemaVersion: 1,
    key: 'follow-up',
    name: 'Campaign follow-up',
    triggers,
    steps: [{ id: 'done', type: 'end', config: {} }],
    transitions: triggers.map((t, i) => ({ id: `t${i}`, from: t.id, to: 'done' })),
  }) as WorkflowDefinition;

const brief = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.path]);
const check = (trigger: Record<string, unknown>) =>
  validateDefinition(withTriggers([{ id: 'start', ...trigger }]), { catalog: TEST_CATALOG });

describe('campaign triggers', () => {
  const definition = withTriggers([
    {
      id: 'clicked_pricing',
      kind: 'campaign',
      entity: 'contact',
      event: 'clicked',
      campaignId: CAMPAIGN,
      linkContains: '/pricing',
      condition: { '==': [{ var: 'trigger.payload.campaignName' }, 'Spring'] },
      reenroll: { mode: 'once' },
    },
    { id: 'any_open', kind: 'campaign', entity: 'contact', event: 'opened' },
  ]);

  it('round-trip through the editor graph unchanged, key for key', () => {
    const back = graphToDefinition(definitionToGraph(definition));
    expect(back.triggers).toEqual(definition.triggers);
    const keys = (triggers: readonly object[]) => triggers.map((t) => Object.keys(t).sort());
    expect(keys(back.triggers)).toEqual(keys(definition.triggers));
  });

  it('become campaign nodes on the canvas', () => {
    const kinds = definitionToGraph(definition).nodes.map((n) =>
      n.kind === 'trigger' ? n.data.kind : n.kind,
    );
    expect(kinds).toEqual(['campaign', 'campaign', 'step']);
  });

  it('validate, conditions reading the contact and the event', () => {
    expect(brief(validateDefinition(definition, { catalog: TEST_CATALOG }).errors)).toEqual([]);
    const { errors } = check({
      kind: 'campaign',
      event: 'opened',
      condition: { '==': [{ var: 'contact.emial' }, 'x'] },
    });
    expect(errors.map((e) => e.code)).toEqual(['UNKNOWN_FIELD']);
  });

  it('are on contacts, whether the definition says so or not', () => {
    const parsed = workflowDefinitionSchema.parse(
      withTriggers([{ id: 'c', kind: 'campaign', event: 'delivered' }]),
    );
    expect(parsed.triggers[0]).toEqual({ id: 'c', kind: 'campaign', entity: 'contact', event: 'delivered' });
    expect(brief(check({ kind: 'campaign', entity: 'lead', event: 'opened' }).errors)).toEqual([
      ['DEFINITION_SCHEMA', '/triggers/0/entity'],
    ]);
  });

  it('filter by link only on clicks, and name a campaign by its id', () => {
    expect(brief(check({ kind: 'campaign', event: 'opened', linkContains: '/pricing' }).errors)).toEqual([
      ['DEFINITION_SCHEMA', '/triggers/0/linkContains'],
    ]);
    expect(brief(check({ kind: 'campaign', event: 'opened', campaignId: 'spring' }).errors)).toEqual([
      ['DEFINITION_SCHEMA', '/triggers/0/campaignId'],
    ]);
  });
});
