/**
 * Python's `repr()` and `str()` of session values, so the lesson can show a session the way Python
 * prints it (`{'count': 1}`) and a view can build the same text as an f-string.
 */
import { Markup, PyFloat, PyTuple, PyUUID, isIntNumber, type PyValue } from './python.ts';
import { bytesRepr, strRepr } from './str-repr.ts';

export { bytesRepr, strRepr };

/** Python's `repr(value)`. Containers that contain themselves print as `[...]` / `{...}`. */
export function pyRepr(value: PyValue): string {
  return reprValue(value, new Set());
}

/** Python's `str(value)`, which is what an f-string like `f"{session['count']}"` inserts. */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Markup) return value.html;
  if (value instanceof PyUUID) return value.toString();
  if (value instanceof Date) return `${isoDateTime(value, ' ')}+00:00`;
  return pyRepr(value);
}

/** Python's `repr` of a float: shortest round-trip digits, e.g. `1.0`, `1e+16`, `5e-324`, `nan`. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = ''] = x.toExponential().split('e');
  const sign = x < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const pointAt = exponent + 1;
  if (pointAt > -4 && pointAt <= 16) {
    if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
    if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}.0`;
    return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** `YYYY-MM-DD?HH:MM:SS` of a UTC date, with `separator` between date and time. */
function isoDateTime(date: Date, separator: string): string {
  const iso = date.toISOString(); // 2024-01-02T03:04:05.000Z
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}`;
}

function reprValue(value: PyValue, open: Set<object>): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return isIntNumber(value) ? String(value) : floatRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return strRepr(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof Markup) return `Markup(${strRepr(value.html)})`;
  if (value instanceof PyUUID) return `UUID('${value.toString()}')`;
  if (value instanceof Uint8Array) return bytesRepr(value);
  if (value instanceof Date) return dateRepr(value);
  if (value instanceof PyTuple) {
    const items = value.items.map((item) => reprValue(item, open));
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (open.has(value)) return Array.isArray(value) ? '[...]' : '{...}';
  open.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((item) => reprValue(item, open)).join(', ')}]`
    : `{${Object.keys(value)
        .map((key) => `${strRepr(key)}: ${reprValue(value[key] as PyValue, open)}`)
        .join(', ')}}`;
  open.delete(value);
  return text;
}

function dateRepr(date: Date): string {
  const parts = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  // Python drops a zero second (after a zero microsecond, which a whole-second Date always has).
  if (parts[5] === 0) parts.pop();
  return `datetime.datetime(${parts.join(', ')}, tzinfo=datetime.timezone.utc)`;
}
