import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteDisabled, originPatternFor, parseSettings, settingsSchema } from '../../../storage/settings';

describe('settings', () => {
  it('falls back to the defaults for missing or broken stored values', () => {
    expect(parseSettings(undefined)).toEqual({ hideUntracked: false, disabledSites: [], extraSites: [] });
    // Nothing stored is answered without a parse: it must be what the schema gives for nothing.
    expect(DEFAULT_SETTINGS).toEqual(settingsSchema().parse({}));
    expect(parseSettings(null)).toEqual(settingsSchema().parse({}));
    expect(parseSettings({ hideUntracked: 'yes' })).toEqual({ hideUntracked: false, disabledSites: [], extraSites: [] });
    expect(parseSettings({ hideUntracked: true }).hideUntracked).toBe(true);
  });

  it('switches a site off whatever its spelling', () => {
    const settings = parseSettings({ disabledSites: ['eur-lex.europa.eu'] });
    expect(isSiteDisabled(settings, 'EUR-LEX.europa.eu')).toBe(true);
    expect(isSiteDisabled(settings, 'www.eur-lex.europa.eu')).toBe(true);
    expect(isSiteDisabled(settings, 'ec.europa.eu')).toBe(false);
  });

  it('turns what a reader types into a host permission pattern, and refuses what is not a web site', () => {
    expect(originPatternFor('https://www.consilium.europa.eu/en/press/')).toBe('*://*.consilium.europa.eu/*');
    expect(originPatternFor('Statewatch.org')).toBe('*://*.statewatch.org/*');
    expect(originPatternFor('file:///etc/passwd')).toBeNull();
    expect(originPatternFor('javascript:alert(1)')).toBeNull();
    expect(originPatternFor('localhost')).toBeNull();
    expect(originPatternFor('*.org')).toBeNull();
  });
});
