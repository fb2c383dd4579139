import PDFDocument from 'pdfkit';
import type { MembumiTotals } from '../membumi/membumi.repo.js';

/**
 * The daily or weekly digest as a PDF in Bahasa Indonesia: the headline membumi index with its change, its
 * four parts, the index and volume per day drawn as charts, the top items by reach and the jargon to replace.
 * Drawn with pdfkit's own vector graphics, so no browser or canvas is needed on the server.
 */
export interface DigestData {
  topic: string;
  period: 'harian' | 'mingguan';
  from: string;
  to: string;
  summary: MembumiTotals & { change: number | null; previous: { index: number | null } };
  days: { x: string; index: number | null; mentions: number }[];
  top: { title: string; source_name: string | null; tier: string | null; sentiment: string | null; membumi: number | null; reach: number | null }[];
  jargon: { term: string; plain: string; uses: number }[];
  attributions: string[];
}

const ACCENT = '#b4491f';
const PARTS = [['audience', 'Saluran (siapa yang membawa)'], ['register', 'Bahasa (sehari-hari vs teknokratis)'], ['voices', 'Suara (warga vs pejabat)'], ['organic', 'Organik (bukan salinan rilis)']] as const;
const num = (n: number, digits = 1) => n.toLocaleString('id-ID', { maximumFractionDigits: digits });
/** Standard PDF fonts cover Latin-1 only; crawled text keeps its letters and loses what they cannot draw. */
const latin1 = (s: string) => s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/[^\x20-\x7E\xA0-\xFF]/g, '');

export function renderDigest(d: DigestData): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Ringkasan ${d.period} Gaung: ${latin1(d.topic)}`, Author: 'Gaung' } });
  const width = doc.page.width - 96;
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(20).text('Gaung');
  doc.fillColor('#1d2430').font('Helvetica').fontSize(12).text(`Ringkasan ${d.period}: ${latin1(d.topic)}`);
  doc.fontSize(10).fillColor('#5b6575').text(`${d.from} sampai ${d.to} (WIB)`).moveDown();

  const index = d.summary.index;
  doc.fillColor('#1d2430').font('Helvetica-Bold').fontSize(14).text('Apakah pesan sampai ke masyarakat?');
  doc.font('Helvetica-Bold').fontSize(36).fillColor(ACCENT).text(index === null ? '-' : `Indeks Membumi ${num(index)}`);
  const change = d.summary.change;
  doc.font('Helvetica').fontSize(11).fillColor('#1d2430').text(
    change === null || d.summary.previous.index === null ? 'Belum ada data periode sebelumnya untuk dibandingkan.' : `${change >= 0 ? 'Naik' : 'Turun'} ${num(Math.abs(change))} poin dibanding periode sebelumnya (${num(d.summary.previous.index)}).`,
  );
  if (index !== null) doc.text(`Sekitar ${Math.round(index)}% jangkauan periode ini adalah percakapan warga biasa dengan bahasa sehari-hari. ${d.summary.mentions} sebutan, jangkauan ${num(d.summary.reach, 0)}.`);
  doc.moveDown(0.5);
  for (const [key, label] of PARTS) {
    const v = d.summary.parts[key];
    const y = doc.y;
    doc.fontSize(9).fillColor('#1d2430').text(`${label}: ${v === null ? '-' : Math.round(v * 100)}`, 48, y, { width: 200 });
    doc.rect(260, y + 2, (width - 212) * (v ?? 0), 7).fill(ACCENT);
    doc.y = y + 14;
  }
  doc.moveDown();
  const labels = d.days.map((p) => p.x.slice(5));
  chart(doc, 'Indeks Membumi per hari', d.days.map((p) => p.index), 100, 'line', width, labels);
  chart(doc, 'Sebutan per hari', d.days.map((p) => p.mentions), Math.max(1, ...d.days.map((p) => p.mentions)), 'bar', width, labels);

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#1d2430').text('Sebutan teratas menurut jangkauan').moveDown(0.3);
  doc.font('Helvetica').fontSize(9);
  for (const [i, m] of d.top.entries()) {
    doc.fillColor('#1d2430').text(`${i + 1}. ${latin1(m.title)}`, { width });
    doc.fillColor('#5b6575').text(`   ${latin1(m.source_name ?? '-')} · ${m.tier ?? '-'} · sentimen ${m.sentiment ?? '-'} · membumi ${m.membumi === null ? '-' : Math.round(m.membumi)} · jangkauan ${num(m.reach ?? 0, 0)}`, { width }).moveDown(0.3);
  }
  if (d.jargon.length > 0) {
    doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#1d2430').text('Istilah teknokratis yang paling sering dipakai, dan gantinya').moveDown(0.3);
    doc.font('Helvetica').fontSize(9);
    for (const j of d.jargon) doc.text(`${latin1(j.term)} (${j.uses}x) -> ${latin1(j.plain)}`);
  }
  doc.moveDown(2).fontSize(7).fillColor('#5b6575').text(d.attributions.map(latin1).join(' '), { width });
  doc.end();
  return doc;
}

function chart(doc: PDFKit.PDFDocument, title: string, values: (number | null)[], max: number, type: 'line' | 'bar', width: number, labels: string[]): void {
  const height = 110;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#1d2430').text(title, 48);
  const top = doc.y + 4;
  const step = width / Math.max(values.length, 1);
  doc.lineWidth(0.5).strokeColor('#dde2ea').rect(48, top, width, height).stroke();
  doc.fontSize(7).fillColor('#5b6575').text(num(max, 0), 50, top + 2);
  if (type === 'bar') {
    values.forEach((v, i) => {
      const h = ((v ?? 0) / max) * (height - 4);
      if (h > 0) doc.rect(48 + i * step + 1, top + height - h, Math.max(step - 2, 1), h).fill('#1f6fb4');
    });
  } else {
    let started = false;
    doc.lineWidth(1.5).strokeColor(ACCENT);
    values.forEach((v, i) => {
      if (v === null) return;
      const x = 48 + i * step + step / 2;
      const y = top + height - (v / max) * (height - 4);
      if (started) doc.lineTo(x, y);
      else doc.moveTo(x, y);
      started = true;
    });
    if (started) doc.stroke();
  }
  doc.fontSize(7).fillColor('#5b6575');
  labels.forEach((label, i) => doc.text(label, 48 + i * step, top + height + 3, { width: step, align: 'center' }));
  doc.x = 48;
  doc.y = top + height + 18;
}
