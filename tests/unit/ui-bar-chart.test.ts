/** The one bar chart, rendered to its element tree: accessible naming, stacking, labels. */
import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { BarChart, type BarChartProps } from '../../src/ui/components/BarChart';

type Props = Record<string, unknown> & { children?: unknown };

/** Every element of the tree, depth first. */
function elements(node: unknown): VNode<Props>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object' || !('type' in node)) return [];
  const vnode = node as VNode<Props>;
  return [vnode, ...elements(vnode.props.children)];
}
const text = (node: VNode<Props>): string =>
  [node.props.children]
    .flat()
    .filter((c) => typeof c === 'string' || typeof c === 'number')
    .join('');

const chart = (overrides: Partial<BarChartProps> = {}) =>
  elements(
    BarChart({
      class: 'test-chart',
      height: 260,
      titleId: 't',
      descId: 'd',
      title: 'Udbetalinger',
      description: 'Fra januar til marts',
      valueText: (v) => `${v / 100} kr.`,
      columns: [
        { month: '2025-12', segments: [{ key: 'a', value: 10_000, class: 'bar-a' }] },
        {
          month: '2026-01',
          segments: [
            { key: 'a', value: 20_000, class: 'bar-a' },
            { key: 'b', value: 5_000, fill: '#123456', category: 'food' },
          ],
        },
        {
          month: '2026-02',
          segments: [
            { key: 'a', value: 0, class: 'bar-a' },
            { key: 'b', value: 0 },
          ],
        },
      ],
      ...overrides,
    }),
  );

describe('BarChart', () => {
  it('is an image named by its title and described by its summary', () => {
    const [svg, ...rest] = chart();
    expect(svg!.type).toBe('svg');
    expect(svg!.props).toMatchObject({ role: 'img', 'aria-labelledby': 't d', class: 'chart-svg test-chart', viewBox: '0 0 640 260' });
    expect(text(rest.find((e) => e.type === 'title')!)).toBe('Udbetalinger');
    expect(rest.find((e) => e.type === 'title')!.props.id).toBe('t');
    expect(text(rest.find((e) => e.type === 'desc')!)).toBe('Fra januar til marts');
  });

  it('stacks segments bottom to top, heights in proportion, and draws no empty ones', () => {
    const all = chart();
    const rects = all.filter((e) => e.type === 'rect');
    expect(rects).toHaveLength(3); // February's two zeros are left out
    const [dec, janA, janB] = rects.map((r) => r.props);
    const height = (p: Props | undefined) => Number(p!.height);
    expect(height(janA) / height(dec)).toBeCloseTo(2);
    expect(height(janB) / height(dec)).toBeCloseTo(0.5);
    expect(Number(janB!.y) + height(janB)).toBeCloseTo(Number(janA!.y)); // b sits on top of a
    expect(janB).toMatchObject({ fill: '#123456', 'data-category': 'food' });
    expect(dec!.class).toBe('bar-a');
  });

  it('labels the value axis with the caller’s words and each month, the year under January and the first', () => {
    const labels = chart()
      .filter((e) => e.type === 'text')
      .map(text);
    expect(labels).toContain('0 kr.');
    expect(labels.filter((l) => /^\d{4}$/.test(l))).toEqual(['2025', '2026']);
    expect(
      chart()
        .filter((e) => e.type === 'g' && e.props['data-month'])
        .map((e) => e.props['data-month']),
    ).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('labels every second month when there are more than twelve', () => {
    const columns = Array.from({ length: 24 }, (_, i) => ({
      month: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      segments: [{ key: 'a', value: 100 }],
    }));
    const years = chart({ columns })
      .filter((e) => e.type === 'text')
      .map(text)
      .filter((l) => /^\d{4}$/.test(l));
    expect(years).toEqual(['2025', '2026']);
    const monthLabels = chart({ columns }).filter((e) => e.type === 'text' && Number(e.props.y) === 260 - 40 + 16);
    expect(monthLabels).toHaveLength(12);
  });
});
