import { Chart } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import { fetchTopicVersions } from './admin-api.js';
import { formatDay, jakartaDay } from './format.js';
import { tf } from './i18n.js';

Chart.register(annotationPlugin);

/** A vertical line annotation (the plugin's own option types do not resolve under NodeNext, so the part used is spelt out). */
export interface LineMark {
  type: 'line';
  xMin: number;
  xMax: number;
  borderColor: string;
  borderWidth: number;
  borderDash: number[];
  label: { display: boolean; content: string; position: 'start'; backgroundColor: string; color: string; font: { size: number }; padding: number };
}

/**
 * Vertical marks on a daily chart at the days a topic's query changed (version 2 on), in the topic's colour and
 * labelled "kueri v3" (the day's last version when it changed more than once), so a jump in the line can be
 * told from a change in what is counted. `days` are the chart's YYYY-MM-DD days in order.
 */
export async function queryChangeMarks(
  topics: { id: number; name: string }[],
  days: string[],
  colors: string[],
): Promise<{ marks: Record<string, LineMark>; notes: string[] }> {
  const histories = await Promise.all(topics.map((tp) => fetchTopicVersions(tp.id)));
  const marks: Record<string, LineMark> = {};
  const notes: string[] = []; // the same marks as text, for readers of the page rather than the canvas
  topics.forEach((tp, i) => {
    const color = colors[i % colors.length]!;
    const latestPerDay = new Map<number, number>();
    for (const v of histories[i] ?? []) {
      const at = days.indexOf(jakartaDay(v.created_at));
      if (v.version > 1 && at >= 0) latestPerDay.set(at, Math.max(v.version, latestPerDay.get(at) ?? 0));
    }
    for (const [at, version] of latestPerDay) {
      notes.push(`${tp.name} v${version} (${formatDay(days[at]!)})`);
      marks[`query-${tp.id}-${version}`] = {
        type: 'line',
        xMin: at,
        xMax: at,
        borderColor: color,
        borderWidth: 1.5,
        borderDash: [4, 4],
        label: { display: true, content: tf('chartMark', { version }), position: 'start', backgroundColor: color, color: '#fff', font: { size: 10 }, padding: 3 },
      };
    }
  });
  return { marks, notes };
}
