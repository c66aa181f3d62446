import { addBusinessDays } from './business-days';
import {
  addBusinessDaysIn,
  addBusinessMinutes,
  DEFAULT_BUSINESS_HOURS,
  type BusinessHours,
} from './business-hours';

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 60;
const berlin: BusinessHours = {
  timeZone: 'Europe/Berlin',
  start: '09:00',
  end: '17:00',
  days: [1, 2, 3, 4, 5],
};

describe('addBusinessMinutes', () => {
  it('counts within one open day', () => {
    expect(addBusinessMinutes(at('2026-11-23T10:00:00Z'), hours(3))).toEqual(at('2026-11-23T13:00:00Z'));
  });

  it('ends at closing rather than rolling to the next opening', () => {
    expect(addBusinessMinutes(at('2026-11-23T13:00:00Z'), hours(4))).toEqual(at('2026-11-23T17:00:00Z'));
  });

  it('carries what is left over the night and the weekend', () => {
    // Friday 16:00 + 2 h → 1 h on Friday, 1 h from Monday's opening.
    expect(addBusinessMinutes(at('2026-11-20T16:00:00Z'), hours(2))).toEqual(at('2026-11-23T10:00:00Z'));
  });

  it('starts counting at the next opening when asked outside hours', () => {
    expect(addBusinessMinutes(at('2026-11-22T12:00:00Z'), 30)).toEqual(at('2026-11-23T09:30:00Z'));
    expect(addBusinessMinutes(at('2026-11-23T06:00:00Z'), 30)).toEqual(at('2026-11-23T09:30:00Z'));
    expect(addBusinessMinutes(at('2026-11-23T18:00:00Z'), 30)).toEqual(at('2026-11-24T09:30:00Z'));
  });

  it('keeps the local opening hours of another time zone, across a daylight-saving change', () => {
    // Berlin is UTC+1 in November: 09:00 local is 08:00 UTC.
    expect(addBusinessMinutes(at('2026-11-23T07:00:00Z'), 60, berlin)).toEqual(at('2026-11-23T09:00:00Z'));
    // Friday 27 March 2026 16:00 local (15:00 UTC) + 2 h: clocks go forward on Sunday 29 March, so
    // Monday opens at 07:00 UTC.
    expect(addBusinessMinutes(at('2026-03-27T15:00:00Z'), hours(2), berlin)).toEqual(
      at('2026-03-30T08:00:00Z'),
    );
  });

  it('refuses hours that never open', () => {
    expect(() =>
      addBusinessMinutes(at('2026-11-23T10:00:00Z'), 1, { ...DEFAULT_BUSINESS_HOURS, end: '09:00' }),
    ).toThrow(RangeError);
  });
});

describe('addBusinessDaysIn', () => {
  it('skips closed days and keeps the time of day', () => {
    expect(addBusinessDaysIn(at('2026-11-20T10:00:00Z'), 1)).toEqual(at('2026-11-23T10:00:00Z'));
    expect(addBusinessDaysIn(at('2026-11-23T10:00:00Z'), 5)).toEqual(at('2026-11-30T10:00:00Z'));
  });

  it('agrees with the plain weekday count on the default hours, a weekend start included', () => {
    for (const iso of ['2026-11-21T10:00:00Z', '2026-11-22T23:30:00Z', '2026-11-24T03:00:00Z']) {
      for (const days of [0, 1, 3, 7]) {
        expect(addBusinessDaysIn(at(iso), days)).toEqual(addBusinessDays(at(iso), days));
      }
    }
  });

  it('follows the open days given, e.g. a six-day week', () => {
    const sixDays = { ...DEFAULT_BUSINESS_HOURS, days: [1, 2, 3, 4, 5, 6] };
    expect(addBusinessDaysIn(at('2026-11-20T10:00:00Z'), 1, sixDays)).toEqual(at('2026-11-21T10:00:00Z'));
  });
});
