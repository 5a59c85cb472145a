// Server only: charts are drawn with Apache ECharts on the server and sent as SVG markup, so pages
// ship no chart JavaScript. Import it from server components (or route handlers), never from a
// 'use client' module.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/**
 * Colours: CSS variables of the app theme (they follow light and dark mode) and `currentColor`
 * for text, so the container's text colour decides. Series after the first use mid-tone colours
 * readable on light and dark backgrounds.
 */
export const CHART_COLOURS = {
  primary: 'var(--primary)',
  text: 'currentColor',
  grid: 'var(--border)',
  series: ['var(--primary)', '#e8743b', '#5b8ff9', '#c75d9b', '#9a8c3c', '#8d6cd9'],
} as const;

export interface ChartDatum {
  label: string;
  value: number;
}

export interface BarChartInput {
  type: 'bar';
  /** Accessible name of the chart (aria-label and <title>). */
  title: string;
  data: ChartDatum[];
  /** Horizontal (default) suits long labels; vertical suits short ones such as years. */
  orientation?: 'horizontal' | 'vertical';
  width?: number;
  /** Default: from the number of bars when horizontal, 240 when vertical. */
  height?: number;
  /** Longest label shown before truncation with "…", in pixels (horizontal bars). */
  labelWidth?: number;
}

export interface LineChartInput {
  type: 'line';
  title: string;
  /** Values of the x axis (e.g. simulation ticks). */
  categories: (string | number)[];
  series: { name: string; values: (number | null)[] }[];
  /** Optional shaded band per series (e.g. a 95% interval), drawn in the series' colour. */
  bands?: ({ lower: (number | null)[]; upper: (number | null)[] } | null)[];
  width?: number;
  height?: number;
  xAxisName?: string;
  yAxisName?: string;
}

export type ChartInput = BarChartInput | LineChartInput;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const axisText = { color: CHART_COLOURS.text, fontSize: 12 };
const splitLine = { lineStyle: { color: CHART_COLOURS.grid } };
const axisLine = { lineStyle: { color: CHART_COLOURS.grid } };

function barOption(input: BarChartInput): EChartsCoreOption {
  const horizontal = (input.orientation ?? 'horizontal') === 'horizontal';
  const categoryAxis = {
    type: 'category',
    data: input.data.map((d) => d.label),
    axisLabel: horizontal ? { ...axisText, width: input.labelWidth ?? 170, overflow: 'truncate', ellipsis: '…' } : { ...axisText, hideOverlap: true },
    axisLine,
    axisTick: { show: false },
    // Horizontal bars read top to bottom in the given order.
    inverse: horizontal,
  };
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: axisText, splitLine };
  return {
    grid: horizontal ? { left: 8, right: 44, top: 8, bottom: 8 } : { left: 8, right: 8, top: 24, bottom: 8 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        name: input.title,
        data: input.data.map((d) => d.value),
        barMaxWidth: 28,
        itemStyle: { color: CHART_COLOURS.primary, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: { show: true, position: horizontal ? 'right' : 'top', ...axisText, fontSize: 11 },
      },
    ],
  };
}

function lineOption(input: LineChartInput): EChartsCoreOption {
  const legend = input.series.length > 1;
  return {
    color: [...CHART_COLOURS.series],
    grid: { left: 8, right: 16, top: legend ? 36 : 16, bottom: input.xAxisName ? 28 : 8 },
    xAxis: {
      type: 'category',
      data: input.categories.map(String),
      boundaryGap: false,
      name: input.xAxisName,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: axisText,
      axisLabel: { ...axisText, hideOverlap: true },
      axisLine,
    },
    yAxis: { type: 'value', name: input.yAxisName, nameTextStyle: axisText, axisLabel: axisText, splitLine },
    legend: legend ? { show: true, top: 0, textStyle: axisText, data: input.series.map((s) => s.name) } : { show: false },
    series: [
      ...input.series.map((s) => ({ type: 'line', name: s.name, data: s.values, showSymbol: input.categories.length <= 30, lineStyle: { width: 2 } })),
      // A band is two stacked, unlabelled lines: the lower bound (invisible) and the width above it (filled).
      ...(input.bands ?? []).flatMap((band, i) =>
        band
          ? [
              { type: 'line', name: `${input.series[i]?.name ?? ''} lower`, data: band.lower, stack: `band-${i}`, symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
              {
                type: 'line',
                name: `${input.series[i]?.name ?? ''} band`,
                data: band.upper.map((hi, t) => (hi === null || band.lower[t] === null || band.lower[t] === undefined ? null : hi - (band.lower[t] as number))),
                stack: `band-${i}`,
                symbol: 'none',
                lineStyle: { opacity: 0 },
                areaStyle: { color: CHART_COLOURS.series[i % CHART_COLOURS.series.length], opacity: 0.18 },
                silent: true,
              },
            ]
          : [],
      ),
    ],
  };
}

/**
 * `var(--x)` is only sure to work in CSS, not in presentation attributes: ECharts writes
 * `fill="var(--primary)"`, this moves such colours into the element's style.
 */
function cssVariablesToStyle(svg: string): string {
  return svg.replace(/<([a-z]+)((?:\s[^>]*?)?)(\/?)>/g, (tag, name: string, attributes: string, selfClosing: string) => {
    const moved: string[] = [];
    let rest = attributes.replace(/\s(fill|stroke)="(var\(--[\w-]+\))"/g, (_match, property: string, value: string) => {
      moved.push(`${property}:${value};`);
      return '';
    });
    if (moved.length === 0) return tag;
    if (/\sstyle="/.test(rest)) rest = rest.replace(/\sstyle="([^"]*)"/, (_match, style: string) => ` style="${style}${moved.join('')}"`);
    else rest += ` style="${moved.join('')}"`;
    return `<${name}${rest}${selfClosing}>`;
  });
}

/** Makes ECharts' fixed-size SVG responsive and accessible. */
function finishSvg(svg: string, title: string): string {
  const label = escapeXml(title);
  return cssVariablesToStyle(svg)
    .replace(/^<svg width="[\d.]+" height="[\d.]+"/, `<svg width="100%" role="img" aria-label="${label}" preserveAspectRatio="xMidYMid meet" style="height:auto;display:block"`)
    .replace(/^(<svg[^>]*>)/, `$1<title>${label}</title>`)
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
}

/**
 * Draws one chart to a standalone SVG string (`viewBox`, width 100%, `role="img"`, an
 * `aria-label` and a `<title>`). Labels are escaped by ECharts; the markup is safe to inline.
 */
export function renderChartSvg(input: ChartInput): string {
  const width = input.width ?? 600;
  const count = input.type === 'bar' ? input.data.length : 0;
  const height = input.height ?? (input.type === 'bar' && (input.orientation ?? 'horizontal') === 'horizontal' ? Math.max(80, count * 28 + 40) : 240);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { color: CHART_COLOURS.text, fontFamily: 'inherit' },
      ...(input.type === 'bar' ? barOption(input) : lineOption(input)),
    });
    return finishSvg(chart.renderToSVGString(), input.title);
  } finally {
    chart.dispose();
  }
}
