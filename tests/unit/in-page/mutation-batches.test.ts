// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, QUIET_MS, debounceWithMaxWait, watchMutations, type MutationBatch } from '../../../in-page/mutation-batches';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('debounceWithMaxWait', () => {
  it('flushes once things have been quiet for the quiet time', () => {
    const flush = vi.fn();
    const debounced = debounceWithMaxWait(flush, QUIET_MS, MAX_WAIT_MS);
    debounced.poke();
    vi.advanceTimersByTime(QUIET_MS - 1);
    debounced.poke();
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MAX_WAIT_MS * 2);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('a poke every 100 ms forever still flushes within 500 ms of each poke', () => {
    const flushedAt: number[] = [];
    const pokedAt: number[] = [];
    const debounced = debounceWithMaxWait(() => flushedAt.push(Date.now()), QUIET_MS, MAX_WAIT_MS);
    const poke = () => {
      pokedAt.push(Date.now());
      debounced.poke();
    };
    poke();
    const ticking = setInterval(poke, 100);
    vi.advanceTimersByTime(10_000);
    clearInterval(ticking);
    expect(flushedAt.length).toBeGreaterThanOrEqual(10_000 / (MAX_WAIT_MS + 100));
    // Each poke (the last, pending one aside) is flushed within 500 ms of it.
    for (const at of pokedAt.filter((p) => p <= flushedAt.at(-1)!)) {
      expect(flushedAt.find((f) => f >= at)! - at).toBeLessThanOrEqual(MAX_WAIT_MS);
    }
  });

  it('counts the maximum wait from the first poke after a flush, and cancel drops what is pending', () => {
    const flush = vi.fn();
    const debounced = debounceWithMaxWait(flush, QUIET_MS, MAX_WAIT_MS);
    debounced.poke();
    vi.advanceTimersByTime(QUIET_MS);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    // A fresh burst gets the whole quiet time, not a maximum wait left over from the last one.
    debounced.poke();
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(flush).toHaveBeenCalledTimes(1);
    debounced.cancel();
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe('watchMutations', () => {
  const watch = (root: Node = document.body, ignoreText?: (text: Node) => boolean) => {
    const batches: MutationBatch[] = [];
    const controller = new AbortController();
    const watcher = watchMutations(root, (batch) => batches.push(batch), { signal: controller.signal, ...(ignoreText ? { ignoreText } : {}) });
    return { batches, watcher, controller };
  };

  it('on a page whose clock ticks every 100 ms, hands over content added later within 500 ms, with the clock alone besides', async () => {
    document.body.innerHTML = '<main><p>Updated <span id="clock">0</span> times</p><div id="later"></div><p>Much else.</p></main>';
    const clock = document.getElementById('clock')!;
    const { batches } = watch();
    // Where each root was when it was handed over (the clock's text is replaced at the next tick).
    const parents = new Map<Node, Node | null>();
    const record = () => batches.forEach((batch) => batch.roots.forEach(({ node }) => parents.has(node) || parents.set(node, node.parentNode)));
    let ticks = 0;
    const ticking = setInterval(() => {
      record();
      clock.textContent = String(++ticks);
    }, 100);
    await vi.advanceTimersByTimeAsync(1050);
    const before = batches.length;
    expect(before).toBeGreaterThanOrEqual(1);
    const added = document.createElement('p');
    added.textContent = 'Added later: COM(2018) 225 final.';
    document.getElementById('later')!.append(added);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    clearInterval(ticking);
    const withAddition = batches.slice(before).find((batch) => batch.roots.some(({ node }) => node === added));
    expect(withAddition).toBeDefined();
    expect(withAddition!.roots.find(({ node }) => node === added)!.part).toBe(document.getElementById('later'));
    // Only what changed is read again: the clock's new text and the paragraph, never the page.
    record();
    expect(parents.size).toBeGreaterThanOrEqual(3);
    for (const [node, parent] of parents) expect(node === added || parent === clock).toBe(true);
  });

  it('reads a changed text node with its siblings, but not the whole body for a text node straight in it', async () => {
    document.body.innerHTML = '<p>See <b>COM(2017)</b> 793 final</p>tail';
    const p = document.querySelector('p')!;
    const tail = document.body.lastChild as Text;
    const { batches } = watch();
    (p.lastChild as Text).data = ' 794 final';
    tail.data = 'tail, changed';
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots.map(({ node }) => node)).toEqual([p, tail]);
    expect(batches[0]!.roots.map(({ part }) => part)).toEqual([p, tail]);
  });

  it('hands over the outermost of nested additions, what the page removed, and nothing that left again', async () => {
    document.body.innerHTML = '<div id="feed"><p id="old">Old item</p></div>';
    const feed = document.getElementById('feed')!;
    const old = document.getElementById('old')!;
    const { batches } = watch();
    const item = document.createElement('article');
    feed.append(item);
    const inner = document.createElement('p');
    item.append(inner);
    const gone = document.createElement('p');
    feed.append(gone);
    gone.remove();
    old.remove();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots).toEqual([{ node: item, part: feed }]);
    expect(batches[0]!.removed).toEqual(expect.arrayContaining([gone, old]));
  });

  it('leaves out changes made while unobserved and text it is told to ignore, and keeps the page’s from before', async () => {
    document.body.innerHTML = '<p id="a">A</p><p id="b"><span class="ours">B</span></p>';
    const { batches, watcher } = watch(document.body, (text) => text.parentElement?.classList.contains('ours') === true);
    const pages = document.createElement('p');
    document.body.append(pages);
    watcher.unobserved(() => {
      document.getElementById('a')!.append(document.createElement('span'));
    });
    (document.querySelector('.ours')!.firstChild as Text).data = 'B2';
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots.map(({ node }) => node)).toEqual([pages]);
  });

  it('stops with its signal, and with stop()', async () => {
    const { batches, controller } = watch();
    document.body.append(document.createElement('p'));
    controller.abort();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    const second = watch();
    second.watcher.stop();
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(batches).toHaveLength(0);
    expect(second.batches).toHaveLength(0);
  });
});
