import { performance } from 'node:perf_hooks';
import { CheerioCrawler, Configuration } from 'crawlee';

export interface BareRun {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  withTitle: number;
  failed: number;
  failures: string[];
  eventLoopUtilization: number;
  cpuMsPerPage: number;
}

/**
 * The baseline: Crawlee's CheerioCrawler with its defaults (only maxConcurrency set, as Gaung sets it),
 * reading the same feeds, enqueueing every article link, and parsing each page for its <title>.
 * The feeds are served as application/rss+xml, which CheerioCrawler only accepts when told to and then
 * hands over unparsed, so their <item><link>s are read with a regular expression.
 */
const ITEM_LINK = /<item>[\s\S]*?<link>([^<]+)<\/link>/g;

export async function runBareCrawl(feedUrls: string[], opts: { concurrency: number }): Promise<BareRun> {
  let pages = 0;
  let withTitle = 0;
  const failures: string[] = [];
  const crawler = new CheerioCrawler(
    {
      maxConcurrency: opts.concurrency,
      additionalMimeTypes: ['application/rss+xml'],
      requestHandler: async ({ $, body, request, crawler: self }) => {
        if (request.label === 'feed') {
          const links = [...String(body).matchAll(ITEM_LINK)].map((m) => m[1]!.trim().replace(/&amp;/g, '&'));
          await self.addRequests(links.map((url) => ({ url, label: 'article' })));
          return;
        }
        pages++;
        if ($('title').text().length > 0) withTitle++;
      },
      failedRequestHandler: async ({ request }, error) => void failures.push(`${request.url}: ${error.message.split('\n')[0]}`),
    },
    new Configuration({ persistStorage: false }),
  );
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await crawler.run(feedUrls.map((url) => ({ url, label: 'feed' })));
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  return {
    pages,
    seconds,
    pagesPerSecond: pages / seconds,
    withTitle,
    failed: failures.length,
    failures: failures.slice(0, 5),
    eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
    cpuMsPerPage: (cpuUsed.user + cpuUsed.system) / 1000 / Math.max(pages, 1),
  };
}
