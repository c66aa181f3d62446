import type { EntityManager } from '@mikro-orm/postgresql';
import type { SearchHit } from './kb-article.dto';
import { MATCH_END, MATCH_START, snippetParts } from './snippet';

interface HitRow {
  id: string;
  title: string;
  slug: string;
  status: SearchHit['status'];
  category_id: string | null;
  category_name: string | null;
  category_slug: string | null;
  category_position: number | null;
  rank: number;
  title_marked: string;
  snippet_marked: string;
  updated_at: Date;
}

const MARKS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
// A couple of short fragments around the matches; an article found by its title alone shows its
// opening words instead.
const SNIPPET_OPTIONS = `${MARKS}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `${MARKS}, HighlightAll=true`;
// ts_rank's default weights for D, C, B, A, spelled out: a title (A) hit counts 2.5 times a body
// (B) hit, and with no length normalisation no pile of body hits adds up to one title hit.
const WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/**
 * Articles matching `q` (web-search syntax), best first: ranked by where the words occur, with the
 * title and a snippet of the body marked where they matched. `publishedOnly` for readers and the
 * public FAQ; editors also find drafts. Archived articles are never found.
 */
export async function searchArticles(
  em: EntityManager,
  q: string,
  options: { publishedOnly: boolean; limit: number },
): Promise<SearchHit[]> {
  // The marker characters are taken out of the text first, so an article cannot fake a match.
  const rows = await em.getConnection().execute<HitRow[]>(
    `with query as (select websearch_to_tsquery('english', ?) as q)
     select a.id, a.title, a.slug, a.status, a.updated_at,
            c.id as category_id, c.name as category_name, c.slug as category_slug,
            c.position as category_position,
            ts_rank(?::float4[], a.search, query.q) as rank,
            ts_headline('english', translate(a.title, ?, ''), query.q, ?) as title_marked,
            ts_headline('english', translate(a.body, ?, ''), query.q, ?) as snippet_marked
       from kb_articles a
       cross join query
       left join kb_categories c on c.id = a.category_id
      where a.search @@ query.q and a.archived_at is null
        and (a.status = 'published' or not ?)
      order by rank desc, a.updated_at desc, a.id
      limit ?`,
    [
      q,
      WEIGHTS,
      MATCH_START + MATCH_END,
      TITLE_OPTIONS,
      MATCH_START + MATCH_END,
      SNIPPET_OPTIONS,
      options.publishedOnly,
      options.limit,
    ],
    'all',
  );
  return rows.map(hit);
}

function hit(row: HitRow): SearchHit {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    status: row.status,
    category:
      row.category_id === null
        ? null
        : {
            id: row.category_id,
            name: row.category_name ?? '',
            slug: row.category_slug ?? '',
            position: row.category_position ?? 0,
          },
    rank: Number(row.rank),
    titleParts: snippetParts(row.title_marked),
    snippet: snippetParts(row.snippet_marked),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
