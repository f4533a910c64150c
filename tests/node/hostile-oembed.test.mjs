// Hostile input against the oEmbed answer (scripts/oembed.mjs; the dev server's /oembed and
// build-dist's oembed.json): issue 18, item 6. Before: maxheight=-5, 199.5, 1e-300 or -Infinity came
// back as the height ("height": null, height="-Infinity" in the html), and maxwidth=250 answered 320,
// above the consumer's maximum; 102 of 289 size combinations were invalid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEIGHTS, MIN_WIDTH, oembedFor } from '../../scripts/oembed.mjs';
import { startServer } from '../../scripts/serve.mjs';

const BASE = 'https://lab.example/';
const FIGURES = Object.keys(HEIGHTS);
const INVALID = ['-5', '199.5', '1e-300', '-Infinity', 'Infinity', 'NaN', '0', '', ' 640', '640px', '0x280', '1e3',
                 '+640', '-0', '6.4e2', '<b>', '"640"'];

test('a maxwidth or maxheight that is not a positive integer is refused with 400 naming it, never echoed as a size', () => {
  for (const name of ['maxwidth', 'maxheight']) {
    for (const value of INVALID) {
      const { status, body } = oembedFor(`${BASE}#figure=card`, BASE, { [name]: value });
      assert.equal(status, 400, `${name}=${JSON.stringify(value)}`);
      assert.match(body, new RegExp(`^${name}: .* is not a positive integer`), `${name}=${JSON.stringify(value)}`);
      assert.doesNotMatch(body, /[<>]/, 'the error text carries no markup');
    }
  }
});

/** Every size in the answer is a positive integer within the consumer's limits, and the html says the same. */
function assertFits(answer, maxwidth, maxheight, label) {
  for (const key of ['width', 'height']) assert.ok(Number.isInteger(answer[key]) && answer[key] > 0, `${label}: ${key}`);
  assert.ok(answer.width <= (maxwidth ?? Infinity), `${label}: width ${answer.width}`);
  assert.ok(answer.height <= (maxheight ?? Infinity), `${label}: height ${answer.height}`);
  assert.match(answer.html, new RegExp(`width="${answer.width}" height="${answer.height}"`), label);
  assert.match(answer.html, new RegExp(`max-width:${answer.width}px`), label);
  if ('thumbnail_url' in answer) {
    assert.ok(answer.thumbnail_width <= (maxwidth ?? Infinity) && answer.thumbnail_height <= (maxheight ?? Infinity),
      `${label}: the thumbnail respects the limits too`);
  }
}

test('every answer fits maxwidth and maxheight; a figure that cannot fit answers 501', () => {
  const sizes = [undefined, '1', '100', '199', '200', '250', '319', '320', '321', '419', '420', '559', '560', '640',
                 '720', '760', '800', '801', '900', '1200', '5000', '9'.repeat(400)];
  let fitted = 0;
  for (const figure of FIGURES) {
    for (const maxwidth of sizes) {
      for (const maxheight of sizes) {
        const label = `${figure} maxwidth=${maxwidth?.slice(0, 8)} maxheight=${maxheight?.slice(0, 8)}`;
        const { status, body } = oembedFor(`${BASE}#figure=${figure}`, BASE, { maxwidth, maxheight });
        const limitW = maxwidth === undefined ? undefined : Number(maxwidth);
        const limitH = maxheight === undefined ? undefined : Number(maxheight);
        if (status === 501) {
          assert.ok(limitW < MIN_WIDTH || limitH < HEIGHTS[figure], `${label}: 501 only when it cannot fit`);
          assert.match(body, new RegExp(`^the ${figure} figure needs at least ${MIN_WIDTH} x ${HEIGHTS[figure]} px`));
          continue;
        }
        assert.equal(status, 200, label);
        assertFits(body, limitW, limitH, label);
        fitted += 1;
      }
    }
  }
  assert.ok(fitted > 500, `most combinations fit (${fitted})`);  // guards against an answer that is always 501
});

test('the issue\'s cases through the server: maxwidth=250 is 501, maxheight=-5 is 400, a fitting one is 200', async () => {
  const { server, url } = await startServer({ port: 0 });
  const ask = (query) => fetch(`${url}oembed?url=${encodeURIComponent(`${url}#figure=claims`)}&${query}`);
  try {
    assert.equal((await ask('maxwidth=250')).status, 501);
    for (const value of ['-5', '199.5', '1e-300', '-Infinity']) {
      const response = await ask(`maxheight=${encodeURIComponent(value)}`);
      assert.equal(response.status, 400, value);
      assert.doesNotMatch(await response.text(), /"height"|height="/);
    }
    // A consumer's box that holds the claims figure (its height: web/embed/figure-heights.js).
    const response = await ask(`maxwidth=400&maxheight=${HEIGHTS.claims + 20}`);
    assert.equal(response.status, 200);
    assertFits(await response.json(), 400, HEIGHTS.claims + 20, 'claims in a box that holds it');
  } finally {
    server.close();
  }
});
