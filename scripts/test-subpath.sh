#!/usr/bin/env bash
# Builds the site for a sub-path (as on GitHub Pages project sites) into dist-subpath/ and runs the
# link check, the budgets and the @subpath end-to-end tests against it.
set -euo pipefail
export BASE_PATH=/lessons-site/
export SITE_URL=https://lessons.example.org
export OUT_DIR=dist-subpath
export PREVIEW_PORT="${SUBPATH_PREVIEW_PORT:-4323}"
npm run build
npm run check:links
npm run check:budgets
npx playwright test --grep @subpath
