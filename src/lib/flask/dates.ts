/**
 * HTTP dates as Werkzeug 2.2 writes and reads them (`werkzeug/http.py`): `http_date` for the
 * ` d` tag and cookie `Expires`, and `parse_date`, which wraps Python's lenient RFC 2822 parser
 * (`email.utils.parsedate_to_datetime`) and returns `None` instead of failing on most bad input.
 */
import { Markup, PY_WHITESPACE, pyInt, pyTruthy, pyTypeName, type PyValue } from './python.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue, 02 Jan 2024 03:04:05 GMT` for a date in years 1–9999; sub-second parts are dropped. */
export function httpDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${WEEKDAYS[date.getUTCDay()]}, ${two(date.getUTCDate())}`;
  const month = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, '0')}`;
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day} ${month} ${time} GMT`;
}

/** `parse_date`: a UTC `Date`, `null` (Werkzeug's `None`), or the error Python raises. */
export type ParsedDate = { ok: true; date: Date | null } | { ok: false; detail: string };

/**
 * Werkzeug's `parse_date(value)` applied to whatever JSON value a ` d` tag holds. Dates with an
 * offset are converted to UTC (the simulator keeps datetimes in UTC).
 */
export function parseDate(value: PyValue): ParsedDate {
  if (typeof value === 'string' || value instanceof Markup) {
    const text = typeof value === 'string' ? value : value.html;
    return { ok: true, date: text === '' ? null : toDate(parseRfc2822(text)) };
  }
  // Empty values and bytes end as None; other types have no .split() (AttributeError).
  if (value === null || !pyTruthy(value) || value instanceof Uint8Array)
    return { ok: true, date: null };
  return { ok: false, detail: `'${pyTypeName(value)}' object has no attribute 'split'` };
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTH_NAMES = [
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july'],
  ...['august', 'september', 'october', 'november', 'december'],
];
const ZONES = new Map([
  ['UT', 0],
  ['UTC', 0],
  ['GMT', 0],
  ['Z', 0],
  ['AST', -400],
  ['ADT', -300],
  ['EST', -500],
  ['EDT', -400],
  ['CST', -600],
  ['CDT', -500],
  ['MST', -700],
  ['MDT', -600],
  ['PST', -800],
  ['PDT', -700],
]);
const SPLIT = new RegExp(`[${PY_WHITESPACE}]+`);

/** Fields of a parsed date: year, month, day, hour, minute, second, offset seconds (or null). */
export type DateFields = [number, number, number, number, number, number, number | null];

/** Python 3.11's `email._parseaddr._parsedate_tz`, step for step. */
export function parseRfc2822(text: string): DateFields | null {
  let data = text.split(SPLIT).filter((part) => part !== '');
  const first = data[0];
  if (first === undefined) return null;
  if (first.endsWith(',') || DAY_NAMES.includes(first.toLowerCase())) data.shift();
  else data[0] = first.slice(first.lastIndexOf(',') + 1);
  if (data.length === 3) {
    const pieces = (data[0] ?? '').split('-');
    if (pieces.length === 3) data = [...pieces, ...data.slice(1)];
  }
  if (data.length === 4) {
    const zoned = data[3] ?? '';
    let at = zoned.indexOf('+');
    if (at === -1) at = zoned.indexOf('-');
    if (at > 0) data.splice(3, 1, zoned.slice(0, at), zoned.slice(at));
    else data.push('');
  }
  if (data.length < 5) return null;
  let [dd = '', mm = '', yy = '', tm = '', tz = ''] = data;
  if (dd === '' || mm === '' || yy === '') return null;
  mm = mm.toLowerCase();
  if (!MONTH_NAMES.includes(mm)) {
    [dd, mm] = [mm, dd.toLowerCase()];
    if (!MONTH_NAMES.includes(mm)) return null;
  }
  const month = (MONTH_NAMES.indexOf(mm) % 12) + 1;
  if (dd.endsWith(',')) dd = dd.slice(0, -1);
  if (yy.indexOf(':') > 0) [yy, tm] = [tm, yy];
  if (yy.endsWith(',')) {
    yy = yy.slice(0, -1);
    if (yy === '') return null;
  }
  if (!/^[0-9]/.test(yy)) [yy, tz] = [tz, yy];
  if (tm.endsWith(',')) tm = tm.slice(0, -1);
  let clock = tm.split(':');
  if (clock.length === 2) clock.push('0');
  else if (clock.length === 1 && tm.includes('.')) {
    clock = tm.split('.');
    if (clock.length === 2) clock.push('0');
  }
  if (clock.length !== 3) return null;
  const numbers = [yy, dd, ...clock].map((part) => pyInt(part, 10));
  if (numbers.some((n) => n === null)) return null;
  const [year = 0, day = 0, hour = 0, minute = 0, second = 0] = numbers.map(Number);
  const fullYear = year < 100 ? year + (year > 68 ? 1900 : 2000) : year;
  return [fullYear, month, day, hour, minute, second, zoneOffset(tz)];
}

/** Offset in seconds east of UTC, or `null` for an unknown zone or `-0000`. */
function zoneOffset(zone: string): number | null {
  const upper = zone.toUpperCase();
  let hhmm = ZONES.get(upper) ?? null;
  if (hhmm === null) {
    const parsed = pyInt(zone, 10);
    hhmm = parsed === null ? null : Number(parsed);
    if (hhmm === 0 && zone.startsWith('-')) hhmm = null;
  }
  if (!hhmm) return hhmm;
  const sign = hhmm < 0 ? -1 : 1;
  const abs = Math.abs(hhmm);
  return sign * (Math.floor(abs / 100) * 3600 + (abs % 100) * 60);
}

/** `datetime(...)` of the fields, in UTC; `null` where Python's datetime/timezone reject them. */
function toDate(fields: DateFields | null): Date | null {
  if (fields === null) return null;
  const [year, month, day, hour, minute, second, offset] = fields;
  const valid =
    year >= 1 &&
    year <= 9999 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    (offset === null || Math.abs(offset) < 86400);
  if (!valid) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return new Date(date.getTime() - (offset ?? 0) * 1000);
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
