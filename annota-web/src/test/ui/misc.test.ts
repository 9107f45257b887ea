import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, type Route } from '../../main/ui/app/router';
import { renderMarkdown } from '../../main/ui/lib/markdown';
import { nextColour, OKABE_ITO, textOn, withAlpha } from '../../main/ui/lib/palette';
import { batches } from '../../main/ui/lib/batches';
import { classPatch, cleanAttribute, formatEdges, parseEdges } from '../../main/ui/settings/schemaForm';
import { Debounced } from '../../main/ui/editor/debounce';

describe('routes', () => {
  const cases: [string, Route][] = [
    ['/', { name: 'projects' }],
    ['/projects', { name: 'projects' }],
    ['/projects/p1', { name: 'project', projectId: 'p1', tab: 'images' }],
    ['/projects/p1/settings', { name: 'project', projectId: 'p1', tab: 'settings' }],
    ['/projects/p1/images/i9', { name: 'workspace', projectId: 'p1', imageId: 'i9' }],
    ['/projects/p1/review/j2', { name: 'reviewJob', projectId: 'p1', jobId: 'j2' }],
    ['/models', { name: 'soon', page: 'models' }],
    ['/nope/x', { name: 'notFound', path: '/nope/x' }],
  ];
  it.each(cases)('parses_%s', (path, route) => expect(parseRoute(path)).toEqual(route));
  it('writes_back_what_it_parses', () => {
    for (const [, r] of cases.slice(2)) expect(parseRoute(routePath(r))).toEqual(r);
  });
  it('round_trips_ids_that_need_escaping', () => {
    const r: Route = { name: 'workspace', projectId: 'a b/c', imageId: 'x?y' };
    expect(parseRoute(routePath(r))).toEqual(r);
  });
});

describe('markdown', () => {
  it('renders_headings_lists_emphasis_and_code', () => {
    const html = renderMarkdown('# Boxes\n\nDraw **tight** boxes, *not* loose.\n\n- cats\n- dogs\n\n1. one\n2. two\n\n```\na < b\n```');
    expect(html).toContain('<h1>Boxes</h1>');
    expect(html).toContain('<p>Draw <strong>tight</strong> boxes, <em>not</em> loose.</p>');
    expect(html).toContain('<ul><li>cats</li><li>dogs</li></ul>');
    expect(html).toContain('<ol><li>one</li><li>two</li></ol>');
    expect(html).toContain('<pre><code>a &lt; b</code></pre>');
  });

  it('never_lets_markup_or_script_through', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://example.org)');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">ok</a>');
  });

  it('keeps_code_spans_literal', () => {
    expect(renderMarkdown('use `**x**` here')).toBe('<p>use <code>**x**</code> here</p>');
  });
});

describe('palette', () => {
  it('offers_the_first_unused_okabe_ito_colour', () => {
    expect(nextColour([])).toBe(OKABE_ITO[0]);
    expect(nextColour(['#e69f00'])).toBe(OKABE_ITO[1]);
  });
  it('converts_to_rgba_and_picks_readable_text', () => {
    expect(withAlpha('#0072B2', 0.5)).toBe('rgba(0,114,178,0.5)');
    expect(textOn('#F0E442')).toBe('#000000');
    expect(textOn('#0072B2')).toBe('#FFFFFF');
  });
});

describe('upload batches', () => {
  it('splits_by_count_and_bytes', () => {
    const f = (size: number) => ({ size });
    expect(batches([f(1), f(1), f(1)], 2, 100).map((b) => b.length)).toEqual([2, 1]);
    expect(batches([f(60), f(60), f(200), f(1)], 10, 100).map((b) => b.length)).toEqual([1, 1, 1, 1]);
    expect(batches([], 2, 10)).toEqual([]);
  });
});

describe('schema form', () => {
  it('reads_skeleton_edges_by_point_name', () => {
    expect(parseEdges('head-neck, neck - hip', ['head', 'neck', 'hip'])).toEqual({ edges: [[0, 1], [1, 2]] });
    expect(parseEdges('head-tail', ['head', 'neck']).error).toMatch(/"tail" is not one of the points/);
    expect(formatEdges({ points: ['a', 'b'], edges: [[0, 1]] })).toBe('a-b');
  });

  it('patches_only_what_changed', () => {
    const c = { id: 1, name: 'cat', colour: '#E69F00', kinds: ['box' as const], attributes: [] };
    expect(classPatch(c, { ...c, name: ' Cat ' })).toEqual({ name: 'Cat' });
    expect(classPatch(c, { ...c, colour: '#e69f00' })).toEqual({});
    expect(classPatch(c, { ...c, skeleton: null })).toEqual({});
  });

  it('sends_only_the_fields_an_attribute_type_uses', () => {
    expect(cleanAttribute({ name: ' pose ', type: 'select', options: ['a'], min: 3, required: false }))
      .toEqual({ name: 'pose', type: 'select', options: ['a'], required: false });
  });
});

describe('debounce', () => {
  it('runs_once_after_quiet_and_at_once_on_flush', () => {
    const timers: (() => void)[] = [];
    const clock = { now: () => 0, setTimeout: (fn: () => void) => timers.push(fn), clearTimeout: () => undefined };
    let runs = 0;
    const d = new Debounced(() => runs++, 400, clock);
    d.trigger();
    d.trigger();
    expect(d.waiting).toBe(true);
    d.flush();
    expect(runs).toBe(1);
    timers.forEach((t) => t()); // stale timers do nothing
    expect(runs).toBe(1);
  });
});
