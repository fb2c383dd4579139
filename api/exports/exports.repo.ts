import type { Sql } from '../../core/db.js';
import { SHOWN_SENTIMENT } from '../../core/rollups.js';
import { isoInZone } from '../../core/time.js';
import { mentionWhere } from '../mention-filter.js';
import type { Cell } from './cells.js';
import type { ExportQuery } from './exports.schema.js';

/** The columns of a mentions export, headed in Indonesian or English. */
export const EXPORT_COLUMNS = [
  ['waktu_wib', 'time_wib'], ['judul', 'title'], ['url', 'url'], ['sumber', 'source'], ['tingkat', 'tier'], ['jenis', 'kind'],
  ['penulis', 'author'], ['sentimen', 'sentiment'], ['sentimen_model', 'model_sentiment'], ['sentimen_dikoreksi_oleh', 'sentiment_corrected_by'],
  ['sentimen_dikoreksi_wib', 'sentiment_corrected_at_wib'], ['skor_sentimen', 'sentiment_score'], ['bahasa', 'language'], ['register', 'register'],
  ['skor_bahasa_membumi', 'grounding_score'], ['indeks_membumi', 'membumi_index'], ['jangkauan', 'reach'],
  ['metode_jangkauan', 'reach_method'], ['provinsi', 'provinces'], ['cuplikan', 'excerpt'],
] as const;

type Row = {
  id: number; occurred_at: Date; title: string; url: string; source_name: string | null; tier: string | null; kind: string; author: string | null;
  sentiment: string | null; model_sentiment: string | null; corrected_by: string | null; corrected_at: Date | null;
  sentiment_score: number | null; language: string | null; register: string | null; grounding_score: number | null; membumi: number | null;
  reach: number | null; reach_method: string | null; province_codes: string[] | null; excerpt: string | null;
};

/** A row the export cannot write (it is skipped, the rest of the export goes on). */
export type BadRowHandler = (mentionId: number, err: Error) => void;

function toCells(r: Row): Cell[] {
  return [
    isoInZone(r.occurred_at), r.title, r.url, r.source_name, r.tier, r.kind, r.author, r.sentiment, r.model_sentiment, r.corrected_by,
    r.corrected_at ? isoInZone(r.corrected_at) : null, r.sentiment_score, r.language, r.register,
    r.grounding_score, r.membumi, r.reach, r.reach_method, (r.province_codes ?? []).join(' '), (r.excerpt ?? '').replace(/\s+/g, ' '),
  ];
}

/** How many mentions an export of these filters has (for the inline limit and a background export's progress). */
export async function countExportRows(sql: Sql, q: ExportQuery): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from mentions m where ${mentionWhere(sql, q)}`;
  return row!.n;
}

/**
 * Every mention matching the filters, newest first, as export rows, read from PostgreSQL 500 at a time
 * through a cursor, so an export of a year of mentions never sits in memory at once. A row that cannot be
 * turned into cells goes to `onBadRow` and is left out.
 */
export async function* exportRows(sql: Sql, q: ExportQuery, onBadRow: BadRowHandler = () => {}): AsyncGenerator<Cell[]> {
  const cursor = sql<Row[]>`
    select m.id, m.occurred_at, m.title, m.url, s.name as source_name, coalesce(m.tier, s.tier) as tier, m.kind, m.author,
           ${sql.unsafe(SHOWN_SENTIMENT)} as sentiment, m.sentiment as model_sentiment, c.created_by_name as corrected_by, c.created_at as corrected_at,
           m.sentiment_score, m.language, m.register, m.grounding_score, m.membumi, m.reach, m.reach_method, m.province_codes, left(m.body, 500) as excerpt
    from mentions m left join sources s on s.id = m.source_id
    left join mention_corrections c on c.mention_id = m.id and c.kind = 'sentiment' and c.undone_at is null
    where ${mentionWhere(sql, q)}
    order by m.occurred_at desc, m.id desc`.cursor(500);
  for await (const rows of cursor) {
    for (const r of rows) {
      let cells: Cell[];
      try {
        cells = toCells(r);
      } catch (err) {
        onBadRow(Number(r.id), err as Error);
        continue;
      }
      yield cells;
    }
  }
}
