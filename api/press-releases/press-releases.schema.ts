import { z } from 'zod';

/** A release is registered by its URL (fetched and extracted like any article) or by its text. */
export const createPressReleaseBody = z
  .object({
    url: z.string().trim().url({ message: 'url must be an absolute URL' }).refine((u) => /^https?:/.test(u), { message: 'url must use http or https' }).optional(),
    title: z.string().trim().min(1).max(300).optional(),
    text: z.string().trim().min(200, { message: 'text must be the release itself: at least 200 characters' }).max(200_000).optional(),
    published_at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.url || b.text, { message: 'give the release url or its text' })
  .refine((b) => !b.text || b.title, { message: 'a release given as text needs a title', path: ['title'] });

export type CreatePressReleaseInput = z.infer<typeof createPressReleaseBody>;
