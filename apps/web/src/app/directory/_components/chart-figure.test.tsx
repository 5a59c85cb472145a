import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from './chart-figure';

describe('ChartFigure', () => {
  it('inlines the server-drawn SVG with the same numbers as a table', () => {
    const bars = Array.from({ length: 14 }, (_, i) => ({ label: `Term ${i + 1}`, count: 20 - i, href: `/directory?scope=${i}` }));
    const html = renderToStaticMarkup(<ChartFigure title="Cases by scope" bars={bars} />);
    expect(html).toContain('data-testid="bar-chart"');
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="Cases by scope"/);
    // the chart shows 12 bars and "2 others"; the table lists every value with its link
    expect(html).toContain('>2 others<');
    expect(html).toContain('>13<');
    expect(html).toContain('href="/directory?scope=13"');
    expect(html).not.toContain('<script');
  });

  it('says "No data." instead of an empty chart', () => {
    const html = renderToStaticMarkup(<ChartFigure title="Cases by year" bars={[]} orientation="vertical" />);
    expect(html).toContain('No data.');
    expect(html).not.toContain('<svg');
  });
});
