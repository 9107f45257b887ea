import { describe, expect, it } from 'vitest';
import { compareRows, currentEpoch, curvePoints, epochsOf, maxOf, trainingBody, type TrainingOperation } from '../../main/ui/lib/training';
import { parseRoute, routePath } from '../../main/ui/app/router';

const op = (over: Partial<TrainingOperation>): TrainingOperation => ({
  id: 'op1', state: 'running', phase: 'epoch 2/5', done: 3, total: 10, message: '', request: { mode: 'cnn', epochs: 5 },
  result: null, created_at: '2026-11-22T03:50:12.345Z', events_url: '/api/v1/operations/op1/events', ...over,
});

describe('training page logic', () => {
  it('builds the request body and refuses a head without backbone or bad epochs', () => {
    expect(trainingBody({ mode: 'cnn', backbone: '', epochs: '3', seed: '7' })).toEqual({ body: { mode: 'cnn', epochs: 3, seed: 7 } });
    expect(trainingBody({ mode: 'cnn', backbone: 'x', epochs: '', seed: '' })).toEqual({ body: { mode: 'cnn' } });
    expect(trainingBody({ mode: 'head', backbone: ' sq ', epochs: '', seed: '1' })).toEqual({ body: { mode: 'head', backbone: 'sq', seed: 1 } });
    expect(trainingBody({ mode: 'head', backbone: '', epochs: '', seed: '' })).toMatchObject({ field: 'backbone' });
    expect(trainingBody({ mode: 'cnn', backbone: '', epochs: '0', seed: '' })).toMatchObject({ field: 'epochs' });
    expect(trainingBody({ mode: 'cnn', backbone: '', epochs: '2.5', seed: '' })).toMatchObject({ field: 'epochs' });
    expect(trainingBody({ mode: 'cnn', backbone: '', epochs: '', seed: 'x' })).toMatchObject({ field: 'seed' });
  });

  it('reads the epochs so far and the epoch under way', () => {
    expect(epochsOf(op({}))).toEqual([]);
    const e = [{ epoch: 1, loss: 0.9, val_loss: 0.8, val_accuracy: 0.6, val_macro_f1: 0.5 }];
    expect(epochsOf(op({ result: { epochs: e } }))).toEqual(e);
    expect(currentEpoch('epoch 2/5')).toBe('2/5');
    expect(currentEpoch('reading tagged images')).toBe('');
  });

  it('scales curve points into the box, top is the maximum, gaps are skipped', () => {
    expect(curvePoints([1, 0.5, 0], 100, 50, 0, 1)).toBe('0,0 50,25 100,50');
    expect(curvePoints([0.5], 100, 50, 0, 1)).toBe('50,25');
    expect(curvePoints([1, null, 0], 100, 50, 0, 1)).toBe('0,0 100,50');
    expect(maxOf([0.3, null, 2.5], 0.1)).toBe(2.5);
    expect(maxOf([], 0.1)).toBe(0.1);
  });

  it('makes one comparison row per run with its metrics as percentages', () => {
    const rows = compareRows([
      op({ state: 'succeeded', result: { epochs: [{ epoch: 1, loss: 1, val_loss: 1, val_accuracy: 0.5, val_macro_f1: 0.4 }],
        model_name: 'cats-cnn', model_version: 'v1', validation: { accuracy: 0.875, macro_f1: 0.5 }, test: { accuracy: null } } }),
      op({ id: 'op2', state: 'cancelled' }),
    ]);
    expect(rows[0]).toEqual({ id: 'op1', started: '2026-11-22 03:50', state: 'succeeded', mode: 'cnn', epochs: 1,
      valAccuracy: '87.5 %', valMacroF1: '50.0 %', testAccuracy: '–', model: 'cats-cnn v1' });
    expect(rows[1]).toMatchObject({ id: 'op2', state: 'cancelled', epochs: 0, valAccuracy: '–', model: '' });
  });

  it('routes the project training tab', () => {
    expect(parseRoute('/projects/p1/training')).toEqual({ name: 'project', projectId: 'p1', tab: 'training' });
    expect(routePath({ name: 'project', projectId: 'p1', tab: 'training' })).toBe('/projects/p1/training');
  });
});
