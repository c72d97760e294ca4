import { describe, expect, it } from 'vitest';
import { handToImport, receiveHandedFiles } from '../../../../../entrypoints/options/dataset/hand-off';

describe('handing a file to the import section', () => {
  it('reaches the import section while it listens, and nobody after it stopped', () => {
    const received: string[] = [];
    const file = new File(['{}'], 'draft.json', { type: 'application/json' });
    expect(handToImport(file)).toBe(false);
    const stop = receiveHandedFiles((f) => received.push(f.name));
    expect(handToImport(file)).toBe(true);
    stop();
    expect(handToImport(file)).toBe(false);
    expect(received).toEqual(['draft.json']);
  });

  it('goes to the section that listens last; an earlier one stopping does not stop it', () => {
    const received: string[] = [];
    const stopFirst = receiveHandedFiles(() => received.push('first'));
    const stopSecond = receiveHandedFiles(() => received.push('second'));
    stopFirst();
    handToImport(new File([''], 'x.json'));
    stopSecond();
    expect(received).toEqual(['second']);
  });
});
