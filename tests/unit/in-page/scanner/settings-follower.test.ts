import { describe, expect, it } from 'vitest';
import { followSettings } from '../../../../in-page/scanner/settings-follower';
import { DEFAULT_SETTINGS, type Settings } from '../../../../storage/settings';

function storage() {
  let emit: (settings: Settings) => void = () => {
    throw new Error('nobody listens');
  };
  let answer!: (settings: Settings) => void;
  const read = new Promise<Settings>((resolve) => (answer = resolve));
  return { read, answer: (s: Settings) => answer(s), change: (s: Settings) => emit(s), subscribe: (listener: (s: Settings) => void) => (emit = listener) };
}

const hiding: Settings = { ...DEFAULT_SETTINGS, hideUntracked: true };
const tabbing: Settings = { ...DEFAULT_SETTINGS, marksInTabOrder: true };

describe('a page follows the settings from before its read is answered', () => {
  it('starts from the stored settings when nothing changed meanwhile', async () => {
    const s = storage();
    const followed = followSettings(s.read, s.subscribe);
    s.answer(hiding);
    expect(await followed.initial).toEqual(hiding);
  });

  it('starts from a change stored while the read was on its way, not from the older answer', async () => {
    const s = storage();
    const followed = followSettings(s.read, s.subscribe);
    s.change(hiding);
    s.answer(DEFAULT_SETTINGS);
    expect(await followed.initial).toEqual(hiding);
  });

  it('hands a change that came between the answer and the listener to the listener at once', async () => {
    const s = storage();
    const followed = followSettings(s.read, s.subscribe);
    s.answer(DEFAULT_SETTINGS);
    await followed.initial;
    s.change(tabbing);
    const heard: Settings[] = [];
    followed.follow((settings) => heard.push(settings));
    expect(heard).toEqual([tabbing]);
    s.change(hiding);
    expect(heard).toEqual([tabbing, hiding]);
  });

  it('does not hand the listener again what the page already started from', async () => {
    const s = storage();
    const followed = followSettings(s.read, s.subscribe);
    s.change(hiding);
    s.answer(DEFAULT_SETTINGS);
    await followed.initial;
    const heard: Settings[] = [];
    followed.follow((settings) => heard.push(settings));
    expect(heard).toEqual([]);
  });
});
