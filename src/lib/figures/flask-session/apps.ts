/**
 * The Python of the apps the Why mode contrasts with the session counter, exactly as learners
 * read them; `tests/conformance/gen_mode_figures.py` extracts each `*_PY` constant and runs it
 * in real Flask. Keep each a plain template literal (no backticks, backslashes or `${`).
 */

export const GLOBAL_COUNTER_PY = `from flask import Flask
app = Flask(__name__)
count = 0

@app.route('/')
def index():
    global count
    count += 1
    return f"Count: {count}"
`;

export const QUERY_COUNTER_PY = `from flask import Flask, request
app = Flask(__name__)

@app.route('/')
def index():
    count = int(request.args.get('count', 0)) + 1
    return f"Count: {count}"
`;
