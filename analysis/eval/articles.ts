import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Annotated articles for the evaluations (places, voices): one JSON object a line. A row carries its text
 * inline ({"id", "title", "text", …}), points at a real document ({"id", "file", …}, the file's path relative
 * to the folder above the repository (/work), e.g. "shared/seeds/000_a93e2d84fb773aa4.txt"), or names a demo
 * news-site article ({"id", "fixture": slug}). Every other field (the annotations) is kept as written.
 */
export interface ArticleRow {
  id: string;
  title: string | null;
  text: string;
  [annotation: string]: unknown;
}

/** The folder relative {file} paths start from: the one that holds the repository. */
export const ARTICLES_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '..');

export function readArticles(file: string | URL, root = ARTICLES_ROOT): ArticleRow[] {
  const name = String(file);
  const rows: ArticleRow[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${name} line ${i + 1}`;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${where}: not valid JSON`);
      }
      const id = typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : `${path.basename(name)}:${i + 1}`;
      const title = typeof row.title === 'string' && row.title.trim() ? row.title : null;
      let text: string;
      if (typeof row.text === 'string') text = row.text;
      else if (typeof row.file === 'string') {
        const target = path.resolve(root, row.file);
        if (!fs.existsSync(target)) throw new Error(`${where}: file ${row.file} not found under ${root}`);
        text = fs.readFileSync(target, 'utf8');
      } else if (typeof row.fixture === 'string') {
        // A demo-site article (tests/fixtures/news-site/articles.json) by its slug: its title and paragraphs.
        const fixture = fixtureArticles().find((a) => a.slug === row.fixture);
        if (!fixture) throw new Error(`${where}: no fixture article "${row.fixture}"`);
        rows.push({ ...row, id, title: fixture.title, text: fixture.paragraphs.join('\n\n') });
        return;
      } else throw new Error(`${where}: a row needs "text", "file" or "fixture"`);
      rows.push({ ...row, id, title, text });
    });
  return rows;
}

let fixtures: { slug: string; title: string; paragraphs: string[] }[] | undefined;
function fixtureArticles() {
  fixtures ??= JSON.parse(fs.readFileSync(new URL('../../tests/fixtures/news-site/articles.json', import.meta.url), 'utf8')) as typeof fixtures;
  return fixtures!;
}
