import type { Sql, TxSql } from '../../core/db.js';
import { isoInZone, DEFAULT_TZ } from '../../core/time.js';
import type { Cell } from '../exports/cells.js';
import type { CorrectionFilter, CorrectionKind, ListCorrectionsQuery, SentimentLabel } from './corrections.schema.js';

type Db = Sql | TxSql;

/** A correction as the API returns it: what, on which mention (and topic), by whom and when, and whether it still stands. */
export interface Correction {
  id: number;
  mention_id: number;
  kind: CorrectionKind;
  label: SentimentLabel | null;
  model_label: string | null;
  topic_id: number | null;
  topic_name: string | null;
  note: string | null;
  created_by: number | null;
  created_by_name: string;
  created_at: Date;
  undone_at: Date | null;
  undone_by_name: string | null;
  replaced_by: number | null;
  standing: boolean;
  mention_title: string;
  mention_url: string;
  /** The model's label now (it may differ from model_label after a re-analysis). */
  model_sentiment_now: string | null;
}

const SELECT = (sql: Db) => sql`
  select c.id, c.mention_id, c.kind, c.label, c.model_label, c.topic_id, t.name as topic_name, c.note, c.created_by, c.created_by_name,
         c.created_at, c.undone_at, c.undone_by_name, c.replaced_by, c.undone_at is null as standing,
         m.title as mention_title, m.url as mention_url, m.sentiment as model_sentiment_now
  from mention_corrections c join mentions m on m.id = c.mention_id left join topics t on t.id = c.topic_id`;

export async function getCorrection(sql: Db, id: number): Promise<Correction | null> {
  const [row] = await sql<Correction[]>`${SELECT(sql)} where c.id = ${id}`;
  return row ?? null;
}

function correctionWhere(sql: Db, q: Omit<CorrectionFilter, 'lang'>) {
  return sql`true
    ${q.kind ? sql`and c.kind = ${q.kind}` : sql``}
    ${q.topic ? sql`and (c.topic_id = ${q.topic} or (c.kind = 'sentiment' and exists (select 1 from topic_mentions tm where tm.mention_id = c.mention_id and tm.topic_id = ${q.topic})))` : sql``}
    ${q.mention ? sql`and c.mention_id = ${q.mention}` : sql``}
    ${q.user ? sql`and c.created_by = ${q.user}` : sql``}
    ${q.state === 'standing' ? sql`and c.undone_at is null` : q.state === 'undone' ? sql`and c.undone_at is not null` : sql``}
    ${q.from ? sql`and c.created_at >= (${q.from}::date)::timestamp at time zone ${DEFAULT_TZ}` : sql``}
    ${q.to ? sql`and c.created_at < (${q.to}::date + 1)::timestamp at time zone ${DEFAULT_TZ}` : sql``}`;
}

/** Newest first, keyset-paged on the id (ids grow with time). */
export async function listCorrections(sql: Db, q: ListCorrectionsQuery): Promise<Correction[]> {
  return sql<Correction[]>`
    ${SELECT(sql)}
    where ${correctionWhere(sql, q)} ${q.cursor ? sql`and c.id < ${q.cursor}` : sql``}
    order by c.id desc limit ${q.limit}`;
}

/** The columns of the corrections CSV, headed in Indonesian or English. */
export const CORRECTION_COLUMNS = [
  ['id', 'id'], ['waktu_wib', 'time_wib'], ['jenis', 'kind'], ['label_benar', 'label'], ['label_model_saat_itu', 'model_label_then'],
  ['label_model_sekarang', 'model_label_now'], ['topik', 'topic'], ['catatan', 'note'], ['oleh', 'by'], ['berlaku', 'standing'],
  ['dibatalkan_wib', 'undone_at_wib'], ['dibatalkan_oleh', 'undone_by'], ['diganti_oleh_koreksi', 'replaced_by'],
  ['id_sebutan', 'mention_id'], ['judul', 'title'], ['url', 'url'],
] as const;

function toCells(c: Correction, lang: 'id' | 'en'): Cell[] {
  const allTopics = lang === 'en' ? '(all topics)' : '(semua topik)';
  return [
    c.id, isoInZone(c.created_at), c.kind, c.label, c.model_label, c.model_sentiment_now,
    c.kind === 'irrelevant' ? (c.topic_name ?? allTopics) : null, c.note, c.created_by_name, c.standing ? (lang === 'en' ? 'yes' : 'ya') : (lang === 'en' ? 'no' : 'tidak'),
    c.undone_at ? isoInZone(c.undone_at) : null, c.undone_by_name, c.replaced_by, c.mention_id, c.mention_title, c.mention_url,
  ];
}

/** Every correction for the filters, oldest first (the history in order), read 500 at a time through a cursor. */
export async function* correctionRows(sql: Sql, q: CorrectionFilter): AsyncGenerator<Cell[]> {
  const cursor = sql<Correction[]>`${SELECT(sql)} where ${correctionWhere(sql, q)} order by c.id`.cursor(500);
  for await (const rows of cursor) for (const r of rows) yield toCells(r, q.lang);
}
