import type { Settings } from '../../storage/settings';

export interface FollowedSettings {
  /** What the page starts from: the stored settings, or a change that arrived while they were read. */
  initial: Promise<Settings>;
  /** Hands every later change to `listener`, the latest one missed in between at once. */
  follow(listener: (settings: Settings) => void): void;
}

/**
 * The settings a page starts from and every change after them. Listening starts before the read
 * is answered: a setting the reader changes while the read is on its way reaches the page neither
 * in the answer nor as a change heard only once the answer is in.
 */
export function followSettings(read: Promise<Settings>, subscribe: (listener: (settings: Settings) => void) => void): FollowedSettings {
  let listener: ((settings: Settings) => void) | null = null;
  let missed: Settings | null = null;
  subscribe((changed) => {
    if (listener) listener(changed);
    else missed = changed;
  });
  const initial = read.then((stored) => {
    const settings = missed ?? stored;
    missed = null;
    return settings;
  });
  return {
    initial,
    follow(next) {
      listener = next;
      const pending = missed;
      missed = null;
      if (pending) next(pending);
    },
  };
}
