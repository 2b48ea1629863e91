/**
 * The summary's charts as SVG, drawn by ECharts on the server (no browser, no canvas): the
 * service-level trend over the period and the three before it, and the period's tickets by
 * category. The web page draws the same options with ECharts in the browser.
 */
import * as echarts from 'echarts';
import type { SummaryDocument } from '../../domain/summaries';

const TEXT = '#344054';
const GRID = '#e4e7ec';
export const CHART_COLOURS = { response: '#1d4ed8', resolution: '#0f766e', opened: '#cbd5e1', category: '#475569' };

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Helvetica', color: TEXT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Compliance lines (left axis, %) over opened-ticket bars (right axis). */
export function trendOption(doc: SummaryDocument): echarts.EChartsCoreOption {
  const points = doc.serviceLevels;
  // Each point's label on the side away from the other line, so close figures never overlap;
  // a label under a point near 0 % would sit on the axis labels, so it goes above.
  const sides = points.map((p) => {
    const r = p.firstResponseCompliance.value;
    const s = p.resolutionCompliance.value;
    const responseAbove = r === null || s === null || r >= s;
    const side = (below: boolean, v: number | null) => (below && (v ?? 100) >= 15 ? 'bottom' : 'top');
    return { response: side(!responseAbove, r), resolution: side(responseAbove, s) };
  });
  return {
    grid: { left: 44, right: 44, top: 34, bottom: 28 },
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 10, color: TEXT } },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { fontSize: 10, color: TEXT }, axisLine: { lineStyle: { color: GRID } }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { fontSize: 9, color: TEXT, formatter: '{value} %' }, splitLine: { lineStyle: { color: GRID } } },
      { type: 'value', minInterval: 1, axisLabel: { fontSize: 9, color: TEXT }, splitLine: { show: false }, name: 'tickets', nameTextStyle: { fontSize: 9, color: TEXT } },
    ],
    series: [
      { name: 'Tickets opened', type: 'bar', yAxisIndex: 1, barWidth: '38%', itemStyle: { color: CHART_COLOURS.opened }, data: points.map((p) => p.opened) },
      {
        name: 'First response in time',
        type: 'line',
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2 },
        itemStyle: { color: CHART_COLOURS.response },
        label: { show: true, fontSize: 9, position: 'top', color: CHART_COLOURS.response, textBorderWidth: 0, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${Math.round(p.value)} %`) },
        connectNulls: true,
        data: points.map((p, i) => ({ value: p.firstResponseCompliance.value, label: { position: sides[i]!.response } })),
      },
      {
        name: 'Resolved in time',
        type: 'line',
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2 },
        itemStyle: { color: CHART_COLOURS.resolution },
        label: { show: true, fontSize: 9, position: 'bottom', color: CHART_COLOURS.resolution, textBorderWidth: 0, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${Math.round(p.value)} %`) },
        connectNulls: true,
        data: points.map((p, i) => ({ value: p.resolutionCompliance.value, label: { position: sides[i]!.resolution } })),
      },
    ],
  };
}

/** Tickets by category, largest first, as horizontal bars with their counts. */
export function categoryOption(doc: SummaryDocument): echarts.EChartsCoreOption {
  const rows = [...doc.volumes.byCategory].reverse();
  return {
    grid: { left: 110, right: 30, top: 6, bottom: 6 },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { fontSize: 10, color: TEXT }, axisLine: { show: false }, axisTick: { show: false } },
    series: [{ type: 'bar', barWidth: '60%', itemStyle: { color: CHART_COLOURS.category }, label: { show: true, position: 'right', fontSize: 10, color: TEXT }, data: rows.map((r) => r.count) }],
  };
}

export function trendSvg(doc: SummaryDocument, width = 515, height = 190): string {
  return render(trendOption(doc), width, height);
}

export function categorySvg(doc: SummaryDocument, width = 250, height = 130): string {
  return render(categoryOption(doc), width, Math.max(60, Math.min(height, 24 * doc.volumes.byCategory.length + 12)));
}
