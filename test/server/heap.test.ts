import assert from 'node:assert/strict';
import { tuneHeap } from '../../server/heap.js';

describe('server heap sizing', function () {
  it('When --heap-growing-percent is on the command line, then it is left as given', function () {
    assert.equal(tuneHeap(['--heap-growing-percent=50'], { HEAP_GROWING_PERCENT: '20' }), undefined);
    assert.equal(tuneHeap(['--heap_growing_percent=0'], {}), undefined);
  });

  it('When HEAP_GROWING_PERCENT is 0, then V8 keeps its own heuristics', function () {
    assert.equal(tuneHeap([], { HEAP_GROWING_PERCENT: '0' }), undefined);
  });

  it('When HEAP_GROWING_PERCENT is not a whole number from 0 to 1000, then start-up fails naming it', function () {
    for (const bad of ['abc', '-5', '12.5', '5000']) {
      assert.throws(() => tuneHeap([], { HEAP_GROWING_PERCENT: bad }), /HEAP_GROWING_PERCENT/);
    }
  });
});
