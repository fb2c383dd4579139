import { bluesky } from './bluesky.js';
import { mastodon } from './mastodon.js';
import { reddit } from './reddit.js';
import { telegram } from './telegram.js';
import type { SocialImporter, SocialPlatform } from './types.js';
import { x } from './x.js';
import { youtube } from './youtube.js';

/** Every social importer by platform. */
export const SOCIAL_IMPORTERS = { mastodon, bluesky, reddit, telegram, youtube, x } as const satisfies Record<SocialPlatform, unknown>;

/** The importer for a source's platform: parse the source's settings with its configSchema, then pass the result back to it. */
export function socialImporterFor(platform: SocialPlatform): SocialImporter<unknown> {
  return SOCIAL_IMPORTERS[platform];
}

export type { AuthorKind, SocialContext, SocialImporter, SocialPage, SocialPlatform, SocialPost, SocialRequest } from './types.js';
export { AUTHOR_KINDS, SOCIAL_PLATFORMS } from './types.js';
