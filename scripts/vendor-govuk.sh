#!/usr/bin/env bash
# Vendor GOV.UK Frontend's "Exit this page" component (npm package govuk-frontend, pinned in package.json)
# into docs/assets/vendor/, so the published site asks no other host for anything.
#
#   - JavaScript: the component's own ES module bundle, copied as it is.
#   - CSS: the component's Sass (its styles and the warning button's) compiled once with dart-sass,
#     with the site's own fonts (no GDS Transport @font-face, no font files).
#
# Run after changing the govuk-frontend version (`npm ci` first); commit the result. The tests check that
# the vendored JavaScript is the installed package's file, byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
SASS_VERSION=1.108.2
src=node_modules/govuk-frontend/dist/govuk
out=docs/assets/vendor
test -d "$src" || { echo "node_modules/govuk-frontend missing: run npm ci first" >&2; exit 1; }
version=$(node -p 'require("./node_modules/govuk-frontend/package.json").version')

cp "$src/components/exit-this-page/exit-this-page.bundle.mjs" "$out/govuk-exit-this-page.mjs"

entry=$(mktemp --suffix=.scss)
trap 'rm -f "$entry"' EXIT
cat > "$entry" <<SCSS
@use "$PWD/$src/settings" with (\$govuk-font-family: inherit, \$govuk-include-default-font-face: false);
@use "$PWD/$src/components/exit-this-page";
SCSS
{
  echo "/* govuk-frontend $version: Exit this page (components/exit-this-page), compiled by scripts/vendor-govuk.sh. MIT licence. */"
  npm exec --yes --package="sass@$SASS_VERSION" -- sass --no-source-map --style=compressed --load-path=node_modules "$entry"
} > "$out/govuk-exit-this-page.css"
echo "vendored govuk-frontend $version into $out: $(wc -c < "$out/govuk-exit-this-page.mjs") bytes JS, $(wc -c < "$out/govuk-exit-this-page.css") bytes CSS"
