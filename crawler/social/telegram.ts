import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { continueFrom, endpoint, withParam } from './request.js';
import { htmlToText, parseCount } from './response.js';
import { AUTHOR_KINDS, type AuthorKind, type SocialImporter, type SocialPost } from './types.js';

/** A public Telegram channel through its web preview (t.me/s/<channel>), newest page first, older pages with ?before=. */
export const telegramConfigSchema = z.object({
  channel: z
    .string()
    .transform((s) => s.replace(/^@/, ''))
    .pipe(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'a channel username is 4-32 letters, digits or _')),
  base: z.url().default('https://t.me'),
  /** What the channel itself is, as the person adding the source knows it (Telegram only marks verified channels). */
  authorKind: z.enum(AUTHOR_KINDS).optional(),
});
export type TelegramConfig = z.output<typeof telegramConfigSchema>;

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || null;

/** The channel's own title, subscriber count and verified mark from the page's info panel. */
function readChannel(document: Document) {
  const info = document.querySelector('.tgme_channel_info');
  const counters = [...document.querySelectorAll('.tgme_channel_info_counter')];
  const subscribers = counters.find((c) => /subscriber|member|pelanggan|anggota/i.test(text(c.querySelector('.counter_type')) ?? ''));
  return {
    found: info !== null,
    title: text(document.querySelector('.tgme_channel_info_header_title')),
    subscribers: subscribers ? parseCount(text(subscribers.querySelector('.counter_value'))) : null,
    verified: document.querySelector('.tgme_channel_info_header_title .verified-icon') !== null,
  };
}

function likesOf(message: Element): number | null {
  const reactions = [...message.querySelectorAll('.tgme_reaction')];
  if (reactions.length === 0) return null;
  return reactions.reduce((sum, r) => sum + (parseCount([...r.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')) ?? 0), 0);
}

export const telegram: SocialImporter<TelegramConfig> = {
  platform: 'telegram',
  configSchema: telegramConfigSchema,
  buildRequests(cfg, ctx) {
    if (ctx.cursor) return continueFrom('telegram', ctx.cursor, [cfg.base]);
    return [{ url: endpoint(cfg.base, ['s', cfg.channel]) }];
  },
  parse(body, cfg, requestUrl) {
    const { document } = parseHTML(body);
    const channel = readChannel(document);
    const messages = [...document.querySelectorAll('.tgme_widget_message[data-post]')];
    if (!channel.found && messages.length === 0) {
      throw new Error(`Telegram: ${requestUrl} is not a public channel preview page (no .tgme_channel_info or .tgme_widget_message[data-post] in it)`);
    }
    const channelKind: AuthorKind | null = cfg.authorKind ?? (channel.verified ? 'verified' : null);
    const posts: SocialPost[] = [];
    const ids: number[] = [];
    for (const m of messages) {
      const post = m.getAttribute('data-post') ?? '';
      const [username, idText] = post.split('/');
      const id = Number(idText);
      const datetime = m.querySelector('.tgme_widget_message_date time[datetime]')?.getAttribute('datetime');
      const at = datetime ? new Date(datetime) : null;
      if (!username || !Number.isInteger(id) || !at || Number.isNaN(at.getTime())) {
        throw new Error(`Telegram: message "${post}" on ${requestUrl} has no channel/id or no time[datetime]`);
      }
      ids.push(id);
      const textEl = [...m.querySelectorAll('.tgme_widget_message_text')].find((el) => !el.closest('.tgme_widget_message_reply'));
      const body = textEl ? htmlToText(textEl.innerHTML) : '';
      if (!body) continue; // a photo or sticker without a caption has nothing to read
      // A forwarded post is someone else's words; a signed one names the admin who wrote it.
      const forwarded = m.querySelector('.tgme_widget_message_forwarded_from_name');
      const forwardedUser = /^https?:\/\/t\.me\/([A-Za-z0-9_]+)/.exec(forwarded?.getAttribute('href') ?? '')?.[1];
      const signature = text(m.querySelector('.tgme_widget_message_from_author'));
      const own = !forwarded;
      posts.push({
        platform: 'telegram',
        externalId: post,
        url: endpoint('https://t.me', [username, String(id)]),
        text: body,
        title: null,
        authorName: forwarded ? text(forwarded) : (signature ?? channel.title ?? username),
        authorHandle: forwarded ? (forwardedUser ? `@${forwardedUser}` : null) : `@${username}`,
        authorKind: own ? channelKind : null,
        followers: own ? channel.subscribers : null,
        publishedAt: at,
        likes: likesOf(m),
        shares: null,
        replies: null,
        views: parseCount(text(m.querySelector('.tgme_widget_message_views'))),
        language: null,
      });
    }
    const oldest = Math.min(...ids);
    return ids.length > 0 && oldest > 1 ? { posts, nextCursor: withParam(requestUrl, 'before', String(oldest)) } : { posts };
  },
};
