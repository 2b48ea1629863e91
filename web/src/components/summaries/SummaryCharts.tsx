import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { SummaryDocument } from '../../api/summary-types';
import { EChart, type ChartOption } from '../goals/EChart';

// The bar chart and legend the summary needs besides what the scorecard charts register.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// The PDF's colours (src/modules/summaries/summary-charts.ts), so page and document look alike.
const colours = { response: '#1d4ed8', resolution: '#0f766e', opened: '#cbd5e1', category: '#475569' };

/** Compliance lines over opened-ticket bars, the period and the three before it. */
export function ServiceTrendChart({ doc }: { doc: SummaryDocument }) {
  const option = useMemo(() => {
    const points = doc.serviceLevels;
    // Each point's label on the side away from the other line, so close figures never overlap;
    // a label under a point near 0 % would sit on the axis labels, so it goes above (as in the PDF).
    const sides = points.map((p) => {
      const r = p.firstResponseCompliance.value;
      const s = p.resolutionCompliance.value;
      const responseAbove = r === null || s === null || r >= s;
      const side = (below: boolean, v: number | null) => (below && (v ?? 100) >= 15 ? 'bottom' : 'top');
      return { response: side(!responseAbove, r), resolution: side(responseAbove, s) };
    });
    const label = (color: string, position: 'top' | 'bottom') => ({ show: true, position, color, fontSize: 11, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${Math.round(p.value)} %`) });
    return {
      animation: false,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: [
        { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value} %' }, splitLine: { lineStyle: { color: '#f1f3f5' } } },
        { type: 'value', minInterval: 1, name: 'tickets', splitLine: { show: false } },
      ],
      series: [
        { name: 'Tickets opened', type: 'bar', yAxisIndex: 1, barWidth: '38%', itemStyle: { color: colours.opened }, data: points.map((p) => p.opened) },
        { name: 'First response in time', type: 'line', connectNulls: true, symbolSize: 7, itemStyle: { color: colours.response }, label: label(colours.response, 'top'), data: points.map((p, i) => ({ value: p.firstResponseCompliance.value, label: { position: sides[i]!.response } })) },
        { name: 'Resolved in time', type: 'line', connectNulls: true, symbolSize: 7, itemStyle: { color: colours.resolution }, label: label(colours.resolution, 'bottom'), data: points.map((p, i) => ({ value: p.resolutionCompliance.value, label: { position: sides[i]!.resolution } })) },
      ],
    } as unknown as ChartOption;
  }, [doc]);
  return (
    <figure style={{ margin: 0 }} aria-label={`Service levels from ${doc.serviceLevels[0]?.label} to ${doc.serviceLevels[doc.serviceLevels.length - 1]?.label}: the table below has the same figures`}>
      <EChart option={option} height={260} />
    </figure>
  );
}

export function CategoryChart({ doc }: { doc: SummaryDocument }) {
  const option = useMemo(() => {
    const rows = [...doc.volumes.byCategory].reverse();
    return {
      animation: false,
      grid: { left: 8, right: 40, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisLine: { show: false }, axisTick: { show: false } },
      series: [{ type: 'bar', barWidth: '60%', itemStyle: { color: colours.category }, label: { show: true, position: 'right' }, data: rows.map((r) => r.count) }],
    } as unknown as ChartOption;
  }, [doc]);
  return <EChart option={option} height={Math.max(80, 30 * doc.volumes.byCategory.length + 16)} />;
}
