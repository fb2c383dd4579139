import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';

/**
 * Charts by canvas id, drawn once and then given new data on every refresh (no flicker, no leaked
 * Chart instances when filters change).
 */
const charts = new Map<string, Chart>();

export function drawChart<T extends ChartType>(canvasId: string, config: ChartConfiguration<T>): void {
  const current = charts.get(canvasId);
  if (current) {
    current.data.labels = config.data.labels as unknown[];
    current.data.datasets = config.data.datasets as Chart['data']['datasets'];
    if (config.options) current.options = config.options as Chart['options']; // e.g. new marks on the chart
    current.update();
    return;
  }
  const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
  charts.set(canvasId, new Chart(canvas, config) as unknown as Chart);
}
