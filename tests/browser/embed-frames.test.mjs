// embed.html in iframes on a blog of another origin, plain and sandboxed (what WordPress makes of
// an oEmbed), under the host CSP; and the server's oEmbed answer, pasted into the blog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage, DRAW_TIMEOUT_MS } from './embed-session.mjs';

const session = embedSession();
const SECRET = 'Ab12Cd34';  // what WordPress appends as #?secret=

/** Waits until the frame drew a boundary and its parent got its height in all three formats. */
async function checkFrame(page, selector) {
  const frame = page.frameLocator(selector);
  await frame.locator('.al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
  await page.waitForFunction(() => window.received.length >= 3, null, { timeout: DRAW_TIMEOUT_MS });
  const received = await page.evaluate(() => window.received);
  const wordpress = received.find((r) => r.data?.message === 'height');
  const embedly = received.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : null)).find((d) => d?.context === 'iframe.resize');
  const ours = received.find((r) => r.data?.type === 'activation-lab:resize');
  assert.ok(wordpress && embedly && ours, JSON.stringify(received));
  assert.equal(wordpress.data.secret, SECRET);
  for (const height of [wordpress.data.value, embedly.height, ours.data.height]) {
    assert.ok(height > 200 && height < 2000, `height ${height}`);
  }
  return received;
}

for (const [name, sandbox] of [['(a) a plain iframe', ''], ['(b) a sandboxed iframe (allow-scripts only)', ' sandbox="allow-scripts"']]) {
  test(`${name} of embed.html#figure=race&preset=vanishing draws and reports its height`, async () => {
    const src = `${session.lab}embed.html#figure=race&preset=vanishing#?secret=${SECRET}`;
    const url = await session.writePost(`frame-${sandbox ? 'sandboxed' : 'plain'}.html`,
      `<p>Before.</p><iframe id="lab" src="${src}" width="720" height="400"${sandbox} style="border:0;width:100%"></iframe>`);
    const { context, page, errors } = await openPage(session.browser, url);
    try {
      const received = await checkFrame(page, '#lab');
      if (sandbox) assert.ok(received.every((r) => r.origin === 'null'), 'the sandboxed frame has an opaque origin');
      // The preset's ten layers and four members, as in the lab; an "open in Activation Lab" link with them.
      const frame = page.frameLocator('#lab');
      assert.equal(await frame.locator('.al-card').count(), 4);
      const href = await frame.locator('a.alx-link').getAttribute('href');
      assert.match(href, new RegExp(`^${session.lab}index\\.html#.*hidden=8,8,8,8,8,8,8,8,8,8.*preset=vanishing`));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the oEmbed answer for a lab URL is valid JSON whose html works in the blog page', async () => {
  const labUrl = `${session.lab}#preset=vanishing&members=sigmoid,relu`;
  const response = await fetch(`${session.lab}oembed?url=${encodeURIComponent(labUrl)}&format=json&maxwidth=640`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  const answer = JSON.parse(await response.text());
  assert.equal(answer.type, 'rich');
  assert.equal(answer.version, '1.0');
  assert.equal(answer.provider_name, 'Activation Lab');
  assert.equal(answer.width, 640);
  assert.ok(answer.height > 0 && typeof answer.title === 'string' && answer.title.length > 0);
  assert.match(answer.html, /^<iframe src="[^"<>]+embed\.html#figure=race&amp;preset=vanishing&amp;members=sigmoid,relu"/);

  // Pasted as WordPress does: the html in the post, the frame's src with #?secret= appended.
  const html = answer.html.replace(/src="([^"]+)"/, `id="lab" src="$1#?secret=${SECRET}"`);
  const url = await session.writePost('oembed.html', `<p>An unfurled link:</p>${html}`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    await checkFrame(page, '#lab');
    assert.equal(await page.frameLocator('#lab').locator('.al-card').count(), 2);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  // Not a page of this lab, or not JSON: the errors oEmbed consumers expect.
  assert.equal((await fetch(`${session.lab}oembed?url=${encodeURIComponent('https://example.com/')}`)).status, 404);
  assert.equal((await fetch(`${session.lab}oembed?url=${encodeURIComponent(labUrl)}&format=xml`)).status, 501);
  const hostile = `${session.lab}embed.html#figure=race&x="><script>alert(1)</script>`;
  const escaped = await (await fetch(`${session.lab}oembed?url=${encodeURIComponent(hostile)}`)).json();
  // Exactly one element: the iframe's opening and closing tags, nothing the URL smuggled in.
  assert.equal(escaped.html.match(/</g).length, 2, escaped.html);
});

test('the lab and embed pages carry link-card tags and oEmbed discovery with absolute URLs', async () => {
  for (const page of ['', 'embed.html']) {
    const html = await (await fetch(`${session.lab}${page}`)).text();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    assert.equal(image, `${session.lab}embed/card.png`);
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(discovery?.startsWith(`${session.lab}oembed?url=`), discovery);
    const card = await fetch(image);
    assert.equal(card.headers.get('content-type'), 'image/png');
    assert.equal(Buffer.from(await card.arrayBuffer()).subarray(1, 4).toString(), 'PNG');
  }
});
