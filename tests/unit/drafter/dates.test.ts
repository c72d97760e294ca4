import { describe, expect, it } from 'vitest';
import { findDates, isoDate } from '../../../drafter/dates';

const dates = (s: string, reportDate = '2019-03-20') => findDates(s, { reportDate }).map((d) => [d.date, d.how]);

describe('findDates', () => {
  it('reads a day written out, a numeric date and a month', () => {
    expect(dates('On 12 June 2018, the Council agreed its general approach.')).toEqual([['2018-06-12', 'full']]);
    expect(dates('COM(2017) 793 final (12.12.2017).')).toEqual([['2017-12-12', 'full']]);
    expect(dates('The Council agreed its General Approach in January 2019.')).toEqual([['2019-01', 'month']]);
  });
  it('gives a day without a year the year the report implies', () => {
    expect(dates('The Council adopted it on 5 February.', '2019-03-20')).toEqual([['2019-02-05', 'no-year']]);
    expect(dates('The Council adopted it on 5 December.', '2019-03-20')).toEqual([['2018-12-05', 'no-year']]);
  });
  it('reads "the same day" as the date before it and "together with this report" as the report\'s', () => {
    expect(dates('Agreement was reached on 5 February 2019 and endorsed the same day.')).toEqual([
      ['2019-02-05', 'full'],
      ['2019-02-05', 'same-day'],
    ]);
    expect(dates('The Commission tabled together with this report two amended proposals.', '2018-06-13')).toEqual([['2018-06-13', 'this-report']]);
  });
  it('refuses days that do not exist', () => {
    expect(isoDate(2019, 2, 30)).toBeNull();
    expect(dates('on 31.2.2018')).toEqual([]);
  });
});
