import {
  PERSONAL_DATA_REGISTRY,
  RECORD_TABLES,
  registryEntry,
  type PersonLink,
} from './personal-data-registry';

const linksOf = (links: readonly PersonLink[]) => links;

describe('PERSONAL_DATA_REGISTRY', () => {
  it('lists every table once', () => {
    const tables = PERSONAL_DATA_REGISTRY.map((e) => e.table);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('points every link at a table that can say which of its rows are about a person', () => {
    const linkable = (table: string) => {
      const entry = registryEntry(table);
      return entry?.holds === 'personal' || entry?.holds === 'linked' ? entry.links.length > 0 : false;
    };
    for (const entry of PERSONAL_DATA_REGISTRY) {
      if (entry.holds !== 'personal' && entry.holds !== 'linked') continue;
      for (const link of linksOf(entry.links)) {
        if (link.via === 'ref')
          expect([entry.table, link.table, linkable(link.table)]).toEqual([entry.table, link.table, true]);
        if (link.via === 'record')
          for (const type of link.types) expect(linkable(RECORD_TABLES[type])).toBe(true);
      }
    }
  });

  it("sets values only on the people's own records, and gives every personal table a personal column", () => {
    for (const entry of PERSONAL_DATA_REGISTRY) {
      if (entry.holds !== 'personal') continue;
      const own = entry.links.some((l) => l.via === 'subject');
      const sets = Object.values(entry.personal).some((t) => typeof t === 'object');
      expect([entry.table, sets]).toEqual([entry.table, own]);
      expect(Object.keys(entry.personal).length).toBeGreaterThan(0);
      for (const column of entry.other ?? []) expect(entry.personal[column]).toBeUndefined();
    }
  });

  it('holds the contact and lead records themselves, by their ids', () => {
    expect(registryEntry('contacts')).toMatchObject({
      holds: 'personal',
      links: [{ via: 'subject', type: 'contact' }],
    });
    expect(registryEntry('leads')).toMatchObject({
      holds: 'personal',
      links: [{ via: 'subject', type: 'lead' }],
    });
  });
});
