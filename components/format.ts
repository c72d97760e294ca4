/** Numbers as a reader reads them in the extension's pages and in the import's messages. */
import { intlLocale, type Language } from '../i18n/languages';

/**
 * A size in bytes, KB, MB or GB (binary multiples, as the browser's storage quota counts), in
 * `language`. English keeps "KB" rather than Intl's "kB": the import's messages and their tests
 * have always said it so.
 */
export function formatBytes(bytes: number, language: Language = 'en'): string {
  const [unit, amount, digits] = sizeUnit(bytes);
  if (language === 'en') return `${amount.toFixed(digits)} ${ENGLISH_UNITS[unit]}`;
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

type SizeUnit = 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte';

const ENGLISH_UNITS: Record<SizeUnit, string> = { byte: 'bytes', kilobyte: 'KB', megabyte: 'MB', gigabyte: 'GB' };

/** The unit a size is said in, the amount in it, and how many decimals that unit shows. */
function sizeUnit(bytes: number): [SizeUnit, number, number] {
  if (bytes < 1024) return ['byte', bytes, 0];
  if (bytes < 1024 * 1024) return ['kilobyte', bytes / 1024, 0];
  if (bytes < 1024 * 1024 * 1024) return ['megabyte', bytes / 1024 / 1024, 1];
  return ['gigabyte', bytes / 1024 / 1024 / 1024, 2];
}

/** A duration in seconds, whole where it is whole ("30 s"), else to a tenth ("2.5 s", "2,5 Sek."). */
export function formatSeconds(ms: number, language: Language = 'en'): string {
  const seconds = ms / 1000;
  if (language === 'en') return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(seconds);
}
