import { ownerRef } from '../accounts/crm-access';
import type { ContactView } from './contact.dto';
import type { Contact } from './contact.entity';

/** Needs `owner` and `accountLinks.account` populated. */
export function contactView(contact: Contact): ContactView {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    title: contact.title,
    accounts: contact.accountLinks
      .getItems()
      .map((l) => ({ id: l.account.id, name: l.account.name, role: l.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    owner: ownerRef(contact),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    archivedAt: contact.archivedAt?.toISOString() ?? null,
    mergedInto: contact.mergedIntoId,
    version: contact.version,
  };
}
