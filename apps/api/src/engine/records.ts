import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import type { StepContext } from '@baton/contracts';
import { Lead } from '../leads/lead.entity';

/** The triggering record of a run, for steps that read or change it. */
export async function loadLead(em: EntityManager, record: StepContext['record']): Promise<Lead> {
  if (record.type !== 'lead') {
    throw new BatonError('DEFINITION_INVALID', `This step works on leads, not on ${record.type} records`);
  }
  const lead = await em.findOne(Lead, { id: record.id }, { populate: ['owner'] });
  if (!lead) throw new BatonError('NOT_FOUND', 'The lead this run is about no longer exists', { id: record.id });
  return lead;
}
