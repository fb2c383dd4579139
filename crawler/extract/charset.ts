import iconv from 'iconv-lite';

/** Labels that browsers decode as windows-1252 (the WHATWG Encoding Standard maps latin1 and ASCII to it). */
const WINDOWS_1252 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252', 'x-cp1252', 'cp819', 'ibm819']);

/**
 * HTML bytes as text. The charset comes from a byte-order mark, else the Content-Type header, else a
 * `<meta charset>` / `<meta http-equiv="Content-Type">` in the first 2 KB, else UTF-8. Invalid UTF-8
 * becomes U+FFFD; NUL bytes are dropped.
 */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader: string | null): string {
  const bom = bomCharset(bytes);
  const charset = bom?.charset ?? supported(charsetParam(contentTypeHeader)) ?? supported(sniffMetaCharset(bytes)) ?? 'utf-8';
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const text = charset === 'utf-8' ? new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body) : iconv.decode(Buffer.from(body), charset);
  return text.replace(/\u0000/g, '');
}

function bomCharset(b: Uint8Array): { charset: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** `charset=` in a Content-Type value: "text/html; charset=ISO-8859-1". */
function charsetParam(value: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** The charset a page declares in its first 2 KB, read as Latin-1 so any bytes survive. */
function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1]!.toLowerCase();
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const found = charsetParam(content?.[1] ?? content?.[2] ?? content?.[3]);
      if (found) return found;
    }
  }
  const xml = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

/** The name to decode with, or null for a label we cannot decode (the next source decides). */
function supported(label: string | null): string | null {
  if (!label) return null;
  if (label === 'utf8' || label === 'utf-8') return 'utf-8';
  if (WINDOWS_1252.has(label)) return 'windows-1252';
  return iconv.encodingExists(label) ? label : null;
}
