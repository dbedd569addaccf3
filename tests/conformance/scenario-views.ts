/**
 * TypeScript twins of the one-behaviour views in `gen_vectors.py`'s `scenario_app`, by endpoint.
 * Each does to the session what the Python lambda of the same name does.
 */
import {
  PyTuple,
  pyStr,
  type PyValue,
  type SecureCookieSession,
  type View,
} from '../../src/lib/flask/index.ts';
import { vectors } from './vectors.ts';

function nested(levels: number): PyValue {
  let value: PyValue = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

function run(action: (session: SecureCookieSession) => void, body: string): View {
  return (session) => {
    action(session);
    return body;
  };
}

export const SCENARIO_VIEWS: Readonly<Record<string, View>> = {
  noop: () => 'ok',
  read_x: (s) => `x=${pyStr(s.get('x'))}`,
  contains_x: (s) => pyStr(s.contains('x')),
  len: (s) => String(s.len()),
  iterate: (s) => s.keys().join(','),
  set_x: run((s) => s.setitem('x', 1), 'set'),
  set_modified: run((s) => (s.modified = true), 'modified'),
  clear: run((s) => s.clear(), 'cleared'),
  getitem_missing: (s) => pyStr(s.getitem('missing')),
  set_then_keyerror: (s) => {
    s.setitem('x', 1);
    return pyStr(s.getitem('missing'));
  },
  pop_missing_default: (s) => pyStr(s.pop('x', null)),
  pop_x: (s) => pyStr(s.pop('x')),
  popitem: (s) => pyStr(new PyTuple(s.popitem())),
  del_x: run((s) => s.delitem('x'), 'deleted'),
  setdefault_x: (s) => pyStr(s.setdefault('x', 0)),
  update_empty: run((s) => s.update({}), 'updated'),
  same_value: run((s) => s.setitem('x', s.getitem('x')), 'same'),
  append_nested: (s) => {
    (s.getitem('cart') as PyValue[]).push('x');
    return pyStr(s.getitem('cart'));
  },
  read_permanent: (s) => pyStr(s.permanent),
  make_permanent: run((s) => {
    s.permanent = true;
    s.setitem('x', 1);
  }, 'permanent'),
  unmake_permanent: run((s) => (s.permanent = false), 'not permanent'),
  store_set: run((s) => s.setitem('s', new Set([1, 2]) as unknown as PyValue), 'stored'),
  store_big: run((s) => s.setitem('big', vectors.fixtures.big_value), 'big'),
  store_repetitive: run((s) => s.setitem('big', 'ab'.repeat(5000)), 'big'),
  store_nested_300: run((s) => s.setitem('a', nested(299)), 'nested'),
  store_nested_400: run((s) => s.setitem('a', nested(399)), 'nested'),
  unicode_body: () => 'z\u00f6\u00eb \u{1f600}',
  status_404: () => ({ status: 404, body: 'nope' }),
};
