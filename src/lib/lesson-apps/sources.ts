/**
 * The Python source of each lesson app, exactly as learners see it. The conformance generator
 * (`tests/conformance/gen_vectors.py`) extracts every `*_PY` constant from this file and runs it
 * in real Flask, so the line-by-line views in `apps.ts` are checked against the very code
 * shown. Keep each source a plain template literal (no backticks, backslashes or `${`). This file
 * imports nothing, and each source is its own export, so a page can show the code of the apps it
 * uses without loading the session engine or the other apps.
 */

export type LessonAppId =
  'counter' | 'login' | 'cart-lost-update' | 'cart-modified' | 'read-only' | 'permanent';

export const COUNTER_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/')
def index():
    session['count'] = session.get('count', 0) + 1
    return f"Count: {session['count']}"
`;

export const LOGIN_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/login/<name>')
def login(name):
    session['user'] = name
    return f"Logged in as {name}"

@app.route('/logout')
def logout():
    session.clear()
    return "Logged out"
`;

export const CART_LOST_UPDATE_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/add/<item>')
def add(item):
    session.setdefault('cart', []).append(item)
    return f"Cart: {session['cart']}"
`;

export const CART_MODIFIED_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/add/<item>')
def add(item):
    session.setdefault('cart', []).append(item)
    session.modified = True
    return f"Cart: {session['cart']}"
`;

export const READ_ONLY_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/')
def index():
    return f"Count: {session.get('count')}"
`;

export const PERMANENT_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/remember/<name>')
def remember(name):
    session.permanent = True
    session['user'] = name
    return f"Remembered {name}"

@app.route('/hello')
def hello():
    return "Hello"
`;

/** Each app's Python program, by app id. */
export const LESSON_APP_SOURCES: Readonly<Record<LessonAppId, string>> = {
  counter: COUNTER_PY,
  login: LOGIN_PY,
  'cart-lost-update': CART_LOST_UPDATE_PY,
  'cart-modified': CART_MODIFIED_PY,
  'read-only': READ_ONLY_PY,
  permanent: PERMANENT_PY,
};

/** The session key each app's variable tracker follows, e.g. `count` for `session['count']`. */
export const TRACKED_KEYS: Readonly<Record<LessonAppId, string>> = {
  counter: 'count',
  login: 'user',
  'cart-lost-update': 'cart',
  'cart-modified': 'cart',
  'read-only': 'count',
  permanent: 'user',
};
