import { describe, expect, it } from 'vitest';
import { renderChartSvg } from './render-chart';

describe('renderChartSvg', () => {
  it('draws horizontal bars with labels, values and an accessible name', () => {
    const svg = renderChartSvg({ type: 'bar', title: 'Cases by scope', data: [{ label: 'Global', value: 120 }, { label: 'Local', value: 47 }, { label: 'R&D <lab>', value: 3 }] });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Cases by scope"');
    expect(svg).toContain('<title>Cases by scope</title>');
    expect(svg).toMatch(/viewBox="0 0 600 \d+"/);
    expect(svg).toContain('width="100%"');
    expect(svg).not.toMatch(/<svg[^>]* height="\d/);
    for (const text of ['>Global<', '>Local<', '>120<', '>47<', '>3<']) expect(svg).toContain(text);
    // Labels are escaped: the markup is safe to inline.
    expect(svg).toContain('R&amp;D &lt;lab&gt;');
    expect(svg).not.toContain('<lab>');
    // Theme colours, so light and dark mode both work.
    expect(svg).toContain('fill:var(--primary);');
    expect(svg).not.toMatch(/(fill|stroke)="var\(/);
    expect(svg).toContain('currentColor');
    expect(svg).not.toContain('ecmeta_');
  });

  it('draws vertical columns', () => {
    const svg = renderChartSvg({ type: 'bar', orientation: 'vertical', title: 'Cases by year', data: [{ label: '1990s', value: 4 }, { label: '2001', value: 9 }], height: 200 });
    expect(svg).toContain('viewBox="0 0 600 200"');
    for (const text of ['>1990s<', '>2001<', '>4<', '>9<']) expect(svg).toContain(text);
  });

  it('draws lines with a legend when there are several series', () => {
    const svg = renderChartSvg({ type: 'line', title: 'Contributors over time', categories: [0, 1, 2], series: [{ name: 'Active', values: [1, 5, 8] }, { name: 'Idle', values: [0, 2, 3] }], xAxisName: 'Tick' });
    expect(svg).toContain('aria-label="Contributors over time"');
    for (const text of ['>Active<', '>Idle<', '>Tick<']) expect(svg).toContain(text);
    expect(svg).toContain('<path');
  });

  it('escapes the title', () => {
    const svg = renderChartSvg({ type: 'bar', title: 'A "quoted" <title>', data: [] });
    expect(svg).toContain('aria-label="A &quot;quoted&quot; &lt;title&gt;"');
  });
});
