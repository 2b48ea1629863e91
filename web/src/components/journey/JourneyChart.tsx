import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CsatMonth, JourneyBand, NpsQuarter } from '../../api/journey-types';
import {
  bandAt,
  csatAnswered,
  csatText,
  dayMs,
  monthKeyOf,
  monthLabel,
  monthMidMs,
  monthStartMs,
  npsAnswered,
  npsText,
  percentText,
  quarterKeyOf,
  quarterLabel,
  quarterMidMs,
  quarterStartMs,
  responsesText,
} from './journey-format';
import { STAGE_INFO, stagePosition } from './journey-stages';

// Only the parts this chart uses, rendered as SVG (crisp in print, small bundle).
use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, SVGRenderer]);

type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkAreaComponentOption>;

export const CSAT_COLOUR = '#364fc7';
export const NPS_COLOUR = '#862e9c';

// Fixed margins, so the plot width (and with it each band's label width) is known.
const GRID = { left: 64, right: 72, top: 100, bottom: 40 };
const DAY = 86_400_000;

export type JourneyChartProps = { bands: JourneyBand[]; csat: CsatMonth[]; nps: NpsQuarter[]; height?: number; now?: number };

/** The time span shown: the first band or answer to the end of the current month. */
function span(bands: JourneyBand[], csat: CsatMonth[], nps: NpsQuarter[], now: number): [number, number] {
  const starts = [...bands.map((b) => dayMs(b.from)), ...csat.map((c) => monthStartMs(c.month)), ...nps.map((n) => quarterStartMs(n.quarter))];
  const first = starts.length ? Math.min(...starts) : now - 180 * DAY;
  const start = monthStartMs(monthKeyOf(first));
  const last = Math.max(now, ...csat.map((c) => monthMidMs(c.month)), ...nps.map((n) => quarterMidMs(n.quarter)));
  const lastMonth = new Date(last);
  const end = Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 1);
  // At least three months wide, so one fresh month does not fill the chart with one point.
  return [Math.min(start, end - 92 * DAY), end];
}

const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

/** "Oct 2026"; on a narrow chart "Oct ’26", so three months fit side by side. */
function axisMonth(ms: number, narrow: boolean): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  return `${shortMonth.format(d)} ${narrow ? `’${String(year).slice(2)}` : year}`;
}

function buildOption(props: JourneyChartProps, width: number): ChartOption {
  const now = props.now ?? Date.now();
  const [min, max] = span(props.bands, props.csat, props.nps, now);
  const plotWidth = Math.max(100, width - GRID.left - GRID.right);
  const px = (ms: number) => ((ms - min) / (max - min)) * plotWidth;
  const csat = props.csat.filter(csatAnswered);
  const nps = props.nps.filter(npsAnswered);
  // Value labels only where the points have room for them (not on a phone with a year of months).
  const fewPoints = csat.length <= 12 && plotWidth / Math.max(1, csat.length) >= 48;
  const narrow = plotWidth < 480;

  const areas = props.bands.map((b) => {
    const from = Math.max(dayMs(b.from), min);
    const to = b.to === null ? max : Math.min(dayMs(b.to), max);
    const bandPx = px(to) - px(from);
    const info = STAGE_INFO[b.stage];
    return [
      {
        name: `${stagePosition(b.stage)}. ${b.label}`,
        xAxis: from,
        itemStyle: { color: info.band, opacity: 0.75, borderColor: '#fff', borderWidth: 1 },
        label: {
          show: bandPx >= 28,
          // In a strip above the plot, under the legend: clear of the points and their labels at 5.
          position: 'top' as const,
          distance: 26,
          color: '#343a40',
          // A tab in the band's colour ties the name to its band across the gap.
          backgroundColor: info.band,
          padding: [3, 6],
          borderRadius: 3,
          fontSize: 11,
          fontWeight: 600 as const,
          lineHeight: 14,
          width: Math.max(16, bandPx - 20),
          overflow: 'break' as const,
          // Too narrow for the name: the stage's number, the tooltip names it.
          formatter: bandPx >= 110 ? `${stagePosition(b.stage)}. ${b.label}` : String(stagePosition(b.stage)),
        },
      },
      { xAxis: to },
    ];
  });

  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { ...GRID },
    legend: {
      top: 0,
      left: 'center',
      itemGap: 24,
      data: [
        { name: 'CSAT average', icon: 'circle' },
        { name: 'NPS', icon: 'rect' },
      ],
      textStyle: { color: '#343a40', fontSize: 12 },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: '#868e96' } },
      textStyle: { color: '#212529', fontSize: 13 },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { axisValue?: number; value?: [number, number] } | undefined;
        const at = Number(first?.axisValue ?? first?.value?.[0] ?? now);
        const month = props.csat.find((c) => c.month === monthKeyOf(at));
        const quarter = props.nps.find((q) => q.quarter === quarterKeyOf(at));
        const band = bandAt(props.bands, at);
        const lines = [`<strong>${monthLabel(monthKeyOf(at))}</strong>`];
        lines.push(band ? `Stage: ${stagePosition(band.stage)}. ${band.label}` : 'Stage: none recorded');
        lines.push(month && month.responses > 0 ? `CSAT average ${csatText(month.average)} · ${percentText(month.positivePercent)} positive · ${responsesText(month.responses)}` : 'CSAT: no answers this month');
        lines.push(quarter && quarter.responses > 0 ? `NPS ${quarterLabel(quarter.quarter)}: ${npsText(quarter.nps)} · ${responsesText(quarter.responses)}` : `NPS ${quarterLabel(quarterKeyOf(at))}: no answers`);
        return lines.join('<br/>');
      },
    },
    xAxis: {
      type: 'time',
      min,
      max,
      minInterval: 28 * DAY,
      splitNumber: narrow ? 3 : 6,
      // The axis ends with the current month; the next month's name would suggest data to come.
      axisLabel: { formatter: (value: number) => axisMonth(value, narrow), color: '#495057', fontSize: 11, hideOverlap: true, showMaxLabel: false },
      axisLine: { lineStyle: { color: '#adb5bd' } },
      splitLine: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        name: 'CSAT average (1–5)',
        nameLocation: 'middle',
        nameGap: 40,
        nameTextStyle: { color: CSAT_COLOUR, fontWeight: 600 },
        min: 1,
        max: 5,
        interval: 1,
        axisLabel: { color: CSAT_COLOUR },
        axisLine: { show: true, lineStyle: { color: CSAT_COLOUR } },
        splitLine: { lineStyle: { color: 'rgba(0,0,0,0.08)' } },
      },
      {
        type: 'value',
        name: 'NPS (−100 to +100)',
        nameLocation: 'middle',
        nameGap: 48,
        nameRotate: -90,
        nameTextStyle: { color: NPS_COLOUR, fontWeight: 600 },
        min: -100,
        max: 100,
        interval: 50,
        axisLabel: { color: NPS_COLOUR, formatter: (v: number) => npsText(v) },
        axisLine: { show: true, lineStyle: { color: NPS_COLOUR } },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        // Carries the stage bands only; no points, no legend entry.
        type: 'line',
        name: 'Stages',
        data: [],
        silent: true,
        markArea: { silent: true, data: areas as unknown as MarkAreaData },
      },
      {
        type: 'line',
        name: 'CSAT average',
        yAxisIndex: 0,
        z: 4,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { color: CSAT_COLOUR, width: 2.5 },
        itemStyle: { color: CSAT_COLOUR, borderColor: '#fff', borderWidth: 1.5 },
        label: { show: fewPoints, position: 'top', color: CSAT_COLOUR, fontWeight: 600, fontSize: 11, formatter: (p: { value: unknown }) => csatText((p.value as [number, number])[1]) },
        data: csat.map((c) => [monthMidMs(c.month), c.average] as [number, number]),
      },
      {
        type: 'line',
        name: 'NPS',
        yAxisIndex: 1,
        z: 3,
        connectNulls: false,
        symbol: 'rect',
        symbolSize: 9,
        lineStyle: { color: NPS_COLOUR, width: 2, type: 'dashed' },
        itemStyle: { color: NPS_COLOUR, borderColor: '#fff', borderWidth: 1.5 },
        label: { show: nps.length <= 8 && !narrow, position: 'bottom', color: NPS_COLOUR, fontWeight: 600, fontSize: 11, formatter: (p: { value: unknown }) => npsText((p.value as [number, number])[1]) },
        data: nps.map((q) => [quarterMidMs(q.quarter), q.nps] as [number, number]),
      },
    ],
  };
}

type MarkAreaData = NonNullable<MarkAreaComponentOption['data']>;

/** Monthly CSAT and quarterly NPS over the stage bands; one ECharts instance, resized with its box. */
export function JourneyChart(props: JourneyChartProps) {
  const { height = 360 } = props;
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    setWidth(el.clientWidth);
    const resize = () => {
      instance.resize();
      setWidth(el.clientWidth);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    window.addEventListener('beforeprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // Band labels wrap to their band's width in pixels, so the option follows the width.
  const { bands, csat, nps, now } = props;
  const option = useMemo(() => (width > 0 ? buildOption({ bands, csat, nps, now }, width) : null), [bands, csat, nps, now, width]);
  useEffect(() => {
    if (option) chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} />;
}

export default JourneyChart;
