import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedArticle {
  title: string;
  body: string;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  canonicalUrl: string | null;
}

/** Title, main text, author, publication time and language of an article page; null when it has no article. */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const meta = readMeta(document);
  const canonicalUrl = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl);
  const lang = document.documentElement?.getAttribute('lang')?.toLowerCase().split('-')[0] || null;
  // Readability mutates the document, so read the metadata first.
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const body = (parsed?.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  if (!parsed || body.length < 200) return null;
  const title = (meta.title ?? parsed.title ?? '').replace(/\s+/g, ' ').trim();
  if (!title) return null;
  return {
    title,
    body,
    author: meta.author ?? (parsed.byline?.trim() || null),
    publishedAt: parseTime(meta.published ?? parsed.publishedTime ?? null),
    language: parsed.lang?.toLowerCase().split('-')[0] || lang,
    canonicalUrl,
  };
}

function readMeta(document: ReturnType<typeof parseHTML>['document']) {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const jsonLd = readJsonLdArticle(document);
  return {
    title: content('meta[property="og:title"]') ?? jsonLd?.headline ?? null,
    author: content('meta[name="author"]') ?? jsonLd?.author ?? null,
    published:
      content('meta[property="article:published_time"]') ??
      jsonLd?.datePublished ??
      content('meta[name="pubdate"]') ??
      content('meta[itemprop="datePublished"]'),
  };
}

function readJsonLdArticle(document: ReturnType<typeof parseHTML>['document']) {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      for (const node of Array.isArray(data) ? data : [data]) {
        if (node && typeof node === 'object' && 'datePublished' in node) {
          const n = node as { headline?: unknown; datePublished?: unknown; author?: unknown };
          const author = Array.isArray(n.author) ? n.author[0] : n.author;
          return {
            headline: typeof n.headline === 'string' ? n.headline : null,
            datePublished: typeof n.datePublished === 'string' ? n.datePublished : null,
            author:
              typeof author === 'string' ? author : author && typeof author === 'object' && 'name' in author ? String(author.name) : null,
          };
        }
      }
    } catch {
      // A broken JSON-LD block is common; the other metadata still applies.
    }
  }
  return null;
}

export function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}
