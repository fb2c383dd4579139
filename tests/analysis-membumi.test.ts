import { describe, expect, test } from 'vitest';
import { MEMBUMI, membumiIndex, type MembumiInput } from '../analysis/membumi.js';
import { estimateReach, REACH, weightedIndex } from '../analysis/reach.js';
import { defaultTier } from '../analysis/tier.js';
import { createSourceBody } from '../api/sources/sources.schema.js';

const base: MembumiInput = { kind: 'news', tier: 'regional', authorKind: null, groundingScore: 0.6, nonOfficialShare: 0.5, pressReleaseSimilarity: null, copySimilarity: null };

describe('membumi index', () => {
  test('the index is 100 times the weighted mean of its four parts, with the weights from the data file', () => {
    const r = membumiIndex(base);
    const w = MEMBUMI.weights;
    const expected = (100 * (w.audience * MEMBUMI.audience.regional + w.register * 0.6 + w.voices * 0.5 + w.organic * 1)) / (w.audience + w.register + w.voices + w.organic);
    expect(r.index).toBeCloseTo(expected, 1);
    expect(r.parts).toEqual({ audience: MEMBUMI.audience.regional, register: 0.6, voices: 0.5, organic: 1 });
  });

  test("a ministry release copied verbatim by a national outlet, quoting only officials, scores far below a citizen's own post", () => {
    const echo = membumiIndex({ ...base, tier: 'national', groundingScore: 0.15, nonOfficialShare: 0, pressReleaseSimilarity: 0.92 });
    const citizen = membumiIndex({ ...base, kind: 'social', tier: 'social', authorKind: 'individual', groundingScore: 0.9, nonOfficialShare: 1 });
    expect(echo.organicReason).toBe('pressReleaseCopy');
    expect(echo.parts.organic).toBe(0);
    expect(echo.index).toBeLessThan(20);
    expect(citizen.index).toBeGreaterThan(90);
  });

  test('an official account on a social platform is not organic, and a regional article quoting a fisherman beats one quoting only the Dirjen', () => {
    const official = membumiIndex({ ...base, kind: 'social', tier: 'social', authorKind: 'official' });
    expect(official.organicReason).toBe('officialAuthor');
    expect(official.parts.audience).toBe(0);
    const dirjen = membumiIndex({ ...base, nonOfficialShare: 0 });
    const fisherman = membumiIndex({ ...base, nonOfficialShare: 1 });
    expect(fisherman.index).toBeGreaterThan(dirjen.index);
  });

  test('a topic-day index is the reach-weighted mean, so a big echo outweighs a small grounded post', () => {
    expect(weightedIndex([{ reach: 9000, index: 10 }, { reach: 1000, index: 90 }])).toBeCloseTo(18, 5);
    expect(weightedIndex([])).toBeNull();
  });
});

describe('reach', () => {
  test('observed views win, then engagement, then the audience counted once per domain and day', () => {
    const news = { kind: 'news' as const, tier: 'national' as const, views: null, sourceAudience: null, firstOfDomainToday: true };
    expect(estimateReach({ ...news, views: 1481 })).toEqual({ reach: 1481, method: 'views' });
    expect(estimateReach({ ...news, likes: 10, shares: 5 })).toEqual({ reach: 15 * REACH.engagementToViews, method: 'engagement' });
    expect(estimateReach(news)).toEqual({ reach: REACH.tierAudience.national, method: 'audience' });
    expect(estimateReach({ ...news, sourceAudience: 42_000 })).toEqual({ reach: 42_000, method: 'audience' });
    expect(estimateReach({ ...news, firstOfDomainToday: false })).toEqual({ reach: 0, method: 'audience_repeat' });
  });
});

describe('audience tier defaults', () => {
  test('government domains are official, ANTARA is state media, known national outlets national, everything else regional', () => {
    expect(defaultTier('https://www.kominfo.go.id/berita')).toBe('official');
    expect(defaultTier('https://samarindakota.go.id/rss')).toBe('official');
    expect(defaultTier('https://www.antaranews.com/rss/terkini')).toBe('state');
    expect(defaultTier('https://news.detik.com/rss')).toBe('national');
    expect(defaultTier('https://kaltim.tribunnews.com/rss')).toBe('regional');
    expect(defaultTier('https://kabarbontang.example/feed')).toBe('regional');
    expect(defaultTier('https://mastodon.social', 'mastodon')).toBe('social');
  });

  test('a source added without a tier gets the default for its host; a tier given is kept', () => {
    expect(createSourceBody.parse({ url: 'https://www.kominfo.go.id/rss', name: 'Kominfo' }).tier).toBe('official');
    expect(createSourceBody.parse({ url: 'https://www.antaranews.com/rss/terkini', name: 'ANTARA' }).tier).toBe('state');
    expect(createSourceBody.parse({ url: 'https://www.antaranews.com/rss/kaltim', name: 'ANTARA Kaltim', tier: 'regional' }).tier).toBe('regional');
  });
});
