import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertMayEdit } from '../accounts/crm-access';
import { AuditService } from '../audit/audit.service';
import { Contact } from '../contacts/contact.entity';
import { User } from '../users/user.entity';
import type { ContactConsents, ConsentView, GiveConsentInput } from './consent.dto';
import { Consent, Unsubscribe } from './consent.entity';
import { consentView, unsubscribeView } from './consent.view';

/** A contact's consents by purpose, and the unsubscribes that override them. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(contactId: string): Promise<ContactConsents> {
    const contact = await this.contact(this.em, contactId);
    const consents = await this.em.find(
      Consent,
      { contact },
      { populate: ['recordedBy'], orderBy: [{ givenAt: 'desc' }, { id: 'desc' }] },
    );
    const unsubscribes = await this.em.find(
      Unsubscribe,
      contact.email ? { $or: [{ contactId }, { email: contact.email.toLowerCase() }] } : { contactId },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
    );
    return { items: consents.map(consentView), unsubscribes: unsubscribes.map(unsubscribeView) };
  }

  /** Records a consent; one already live for the purpose is returned as it is (`created: false`). */
  async give(
    contactId: string,
    input: GiveConsentInput,
    actor: User,
  ): Promise<{ consent: ConsentView; created: boolean }> {
    return this.em.transactional(async (tx) => {
      const contact = await this.contact(tx, contactId);
      assertMayEdit(contact, actor, 'contacts');
      const live = await tx.findOne(
        Consent,
        { contact, purpose: input.purpose, withdrawnAt: null },
        { populate: ['recordedBy'] },
      );
      if (live) return { consent: consentView(live), created: false };
      const consent = tx.create(Consent, {
        contact,
        purpose: input.purpose,
        source: input.source,
        recordedBy: tx.getReference(User, actor.id),
      });
      this.audit.record(tx, {
        actor,
        action: 'consent.given',
        entityType: 'contact',
        entityId: contact.id,
        after: { purpose: consent.purpose, source: consent.source },
      });
      await tx.flush();
      await tx.populate(consent, ['recordedBy']);
      return { consent: consentView(consent), created: true };
    });
  }

  async withdraw(contactId: string, purpose: string, actor: User): Promise<ConsentView> {
    return this.em.transactional(async (tx) => {
      const contact = await this.contact(tx, contactId);
      assertMayEdit(contact, actor, 'contacts');
      const live = await tx.findOne(
        Consent,
        { contact, purpose, withdrawnAt: null },
        { populate: ['recordedBy'] },
      );
      if (!live) {
        throw new BatonError('NOT_FOUND', `The contact has no live consent for "${purpose}"`, { purpose });
      }
      live.withdrawnAt = new Date();
      this.audit.record(tx, {
        actor,
        action: 'consent.withdrawn',
        entityType: 'contact',
        entityId: contact.id,
        before: { purpose, source: live.source, givenAt: live.givenAt.toISOString() },
      });
      await tx.flush();
      return consentView(live);
    });
  }

  private async contact(em: EntityManager, id: string): Promise<Contact> {
    const contact = await em.findOne(Contact, { id }, { populate: ['owner'] });
    if (!contact) throw new BatonError('NOT_FOUND', 'No contact with this id', { id });
    return contact;
  }
}
