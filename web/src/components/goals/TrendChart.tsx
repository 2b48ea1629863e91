import type { LineSeriesOption } from 'echarts/charts';
import { useMemo } from 'react';
import type { GoalTrend, TrendPoint } from '../../api/goal-types';
import { EChart, type ChartOption } from './EChart';
import { goalOutcomeLabels, periodLabel, periodShort, targetText, valueText } from './goal-format';

// Mantine's teal.7, red.7 and gray.6: the same colours as the outcome badges.
const colours = { met: '#0ca678', missed: '#e03131', not_evaluable: '#868e96', line: '#4c6ef5' };

/** Met points are circles, missed ones diamonds (shape as well as colour); drafts are hollow. */
function pointStyle(p: TrendPoint) {
  const colour = colours[p.outcome];
  const draft = p.status === 'draft';
  return {
    symbol: p.outcome === 'missed' ? 'diamond' : p.outcome === 'met' ? 'circle' : 'emptyCircle',
    symbolSize: p.outcome === 'missed' ? 13 : 10,
    itemStyle: { color: draft ? '#fff' : colour, borderColor: colour, borderWidth: 2 },
  };
}

/** One goal's figure month by month, with its target as a dashed line. */
export function TrendChart({ trend, height = 200 }: { trend: GoalTrend; height?: number }) {
  const option = useMemo<ChartOption>(() => {
    const points = trend.points;
    const values = points.map((p) => p.value).filter((v): v is number => v !== null);
    const max = Math.max(trend.target, ...values);
    const min = Math.min(trend.target, ...values);
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }).dataIndex;
          const p = points[i];
          if (!p) return '';
          return `${periodLabel(p.periodKey)}<br/>${valueText(p.value, trend.unit)} · ${goalOutcomeLabels[p.outcome]}${p.status === 'draft' ? ' (draft)' : ''}`;
        },
      },
      xAxis: { type: 'category', data: points.map((p) => periodShort(p.periodKey)), boundaryGap: true, axisTick: { alignWithLabel: true } },
      yAxis: {
        type: 'value',
        min: trend.unit === 'percent' ? Math.max(0, Math.floor((min - 5) / 10) * 10) : 0,
        max: trend.unit === 'percent' ? 100 : Math.ceil(max * 1.15) || 1,
        axisLabel: { formatter: (v: number) => (trend.unit === 'percent' ? `${v} %` : String(v)) },
        splitLine: { lineStyle: { color: '#f1f3f5' } },
      },
      series: [
        {
          type: 'line',
          name: trend.objective,
          connectNulls: false,
          lineStyle: { color: colours.line, width: 2 },
          data: points.map((p) => ({ value: p.value ?? '-', ...pointStyle(p) })) as LineData,
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#495057', type: 'dashed', width: 1.5 },
            label: { formatter: `Target ${targetText(trend.comparator, trend.target, trend.unit)}`, position: 'insideEndTop', color: '#495057', fontSize: 11 },
            data: [{ yAxis: trend.target }],
          },
        },
      ],
    };
  }, [trend]);
  return <EChart option={option} height={height} />;
}

type LineData = LineSeriesOption['data'];

export default TrendChart;
