import { z } from 'zod';

export const analyzeBody = z.object({
  text: z.string().trim().min(1, 'text is empty').max(200_000, 'text is longer than 200,000 characters'),
  title: z.string().max(2000).nullish(),
  kind: z.enum(['news', 'social']).default('news'),
});

export const reanalyzeBody = z.object({ scope: z.enum(['outdated', 'all']).default('outdated') });
export const reanalyzeJobParam = z.object({ jobId: z.string().regex(/^[\w-]{1,80}$/, 'not a job id') });
