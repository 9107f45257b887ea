import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../main/ui/app/router';
import {
  finished, fmt, level, pairName, percent, rankAnnotators, workspaceHref, type AnnotatorAgreement, type QualityOperation,
} from '../../main/ui/lib/quality';

function annotator(username: string, consensus: number | null): AnnotatorAgreement {
  return {
    user_id: `id-${username}`, username, images: 4, consensus_agreement: consensus, mean_iou: null,
    mean_cohen_kappa: null, gold_images: 0, gold_accuracy: null,
  };
}

describe('quality page logic', () => {
  it('shows figures the server could not compute as n/a', () => {
    expect(fmt(null)).toBe('n/a');
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmt(0.12345)).toBe('0.123');
    expect(percent(0.666)).toBe('67 %');
    expect(percent(null)).toBe('n/a');
  });

  it('reads agreement figures as good, fair or poor', () => {
    expect(level(0.85)).toBe('good');
    expect(level(0.8)).toBe('good');
    expect(level(0.6)).toBe('fair');
    expect(level(-0.2)).toBe('poor');
    expect(level(null)).toBe('none');
  });

  it('ranks the annotator who agrees least with the consensus first and unknown figures last', () => {
    const ranked = rankAnnotators([annotator('ana', 0.98), annotator('dan', null), annotator('cat', 0.43), annotator('ben', 0.98)]);
    expect(ranked.map((a) => a.username)).toEqual(['cat', 'ana', 'ben', 'dan']);
  });

  it('names pairs by username and links disputed images to the workspace', () => {
    const rows = [annotator('ana', 1), annotator('ben', 1)];
    expect(pairName({ user_a: 'id-ana', user_b: 'id-ben', images: 2, tag_items: 2, cohen_kappa: 1, matched: 2, mean_iou: 1 }, rows))
      .toBe('ana – ben');
    const href = workspaceHref('p 1', 'img/2');
    expect(href).toBe('/projects/p%201/images/img%2F2');
    expect(parseRoute(href)).toEqual({ name: 'workspace', projectId: 'p 1', imageId: 'img/2' });
  });

  it('has a quality tab in each project', () => {
    expect(parseRoute('/projects/p1/quality')).toEqual({ name: 'project', projectId: 'p1', tab: 'quality' });
    expect(routePath({ name: 'project', projectId: 'p1', tab: 'quality' })).toBe('/projects/p1/quality');
  });

  it('knows when a consensus operation is over', () => {
    const op = (state: string): QualityOperation => ({ id: 'o', state, phase: '', done: 0, total: 0, message: '', result: null });
    expect(finished(op('running'))).toBe(false);
    expect(finished(op('queued'))).toBe(false);
    expect(finished(op('succeeded'))).toBe(true);
    expect(finished(op('failed'))).toBe(true);
  });
});
