import { describe, expect, it } from 'vitest';
import { formatBytes, formatSeconds } from '../../../components/format';

describe('formatBytes', () => {
  it('says bytes, KB, MB or GB as the size grows, in binary multiples', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(700 * 1024)).toBe('700 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(256 * 1024 * 1024)).toBe('256.0 MB');
    expect(formatBytes(3 * 1024 * 1024 * 1024)).toBe('3.00 GB');
  });

  it('says the size as German writes it when asked in German', () => {
    expect(formatBytes(512, 'de')).toBe('512 Byte');
    expect(formatBytes(700 * 1024, 'de')).toBe('700 kB');
    expect(formatBytes(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
    expect(formatBytes(3 * 1024 * 1024 * 1024, 'de')).toBe('3,00\u00a0GB');
  });
});

describe('formatSeconds', () => {
  it('gives whole seconds without a decimal and others to a tenth', () => {
    expect(formatSeconds(30_000)).toBe('30 s');
    expect(formatSeconds(2_500)).toBe('2.5 s');
    expect(formatSeconds(1_234)).toBe('1.2 s');
    expect(formatSeconds(2_500, 'de')).toBe('2,5 Sek.');
    expect(formatSeconds(30_000, 'fr')).toBe('30\u202fs');
  });
});
