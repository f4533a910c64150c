// Hostile input against the dev server (scripts/serve.mjs, what npm start runs) and the headers a
// static host gets (dist/_headers): issue 18, items 1, 3 and 8. Each case failed on the server
// before it: one request with a bad Host header ended the process, a directory whose index.html is
// a symlink out of the root served that file, the Host header named og:url even when a public
// origin was configured, and _headers carried no CSP and no nosniff.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CSP, REPO_ROOT, publicOriginFrom, startServer } from '../../scripts/serve.mjs';
import { headersFile } from '../../scripts/build-dist.mjs';

const HOSTILE_HOSTS = ['a b', '', '[', '%', 'a:99999', '\t', 'a\tb', '[::1', 'a/b', 'a@b', 'a:-1', 'x'.repeat(300)];

/** One raw HTTP/1.1 request (fetch cannot send a hostile Host); resolves to the status line, or '' if none came. */
function rawRequest(port, target, hostLine) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('connect', () => socket.write(`GET ${target} HTTP/1.1\r\n${hostLine}Connection: close\r\n\r\n`));
    socket.on('data', (chunk) => { answer += chunk; });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer.split('\r\n')[0]));
  });
}

/** The server in a child process, as npm start runs it, so a crash shows as an exit rather than ending this test. */
async function startChildServer() {
  const child = spawn(process.execPath, ['--input-type=module', '-e',
    `import { startServer } from ${JSON.stringify(path.join(REPO_ROOT, 'scripts/serve.mjs'))};
     const { url } = await startServer({ port: 0 }); console.log(url);`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (line) => resolve(String(line).trim()));
    exited.then((code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, exited, port: Number(new URL(url).port) };
}

test('no Host header, however malformed, ends the server; a normal request is answered after them all', async () => {
  const { child, exited, port } = await startChildServer();
  let exitCode = null;
  exited.then((code) => { exitCode = code; });
  try {
    for (const host of HOSTILE_HOSTS) {
      for (const target of ['/oembed?url=x', '/', '/index.html', '/embed.html']) {
        const status = await rawRequest(port, target, `Host: ${host}\r\n`);
        assert.equal(exitCode, null, `the server exited after GET ${target} with Host ${JSON.stringify(host)}`);
        assert.match(status, /^(HTTP\/1\.1 [1-5]\d\d|)/, `${target} ${JSON.stringify(host)}`);
      }
    }
    // Two Host headers and none at all (HTTP/1.0 allows that) are no better.
    await rawRequest(port, '/oembed?url=x', 'Host: a\r\nHost: b c\r\n');
    await rawRequest(port, '/oembed?url=x', '');
    const status = await rawRequest(port, '/index.html', `Host: 127.0.0.1:${port}\r\n`);
    assert.equal(status, 'HTTP/1.1 200 OK', 'a normal request after the hostile ones');
    assert.equal(exitCode, null);
  } finally {
    child.kill();
  }
});

test('a malformed Host header is refused with 400, never reflected into the page', async () => {
  const { server, url } = await startServer({ port: 0 });
  try {
    const port = Number(new URL(url).port);
    for (const host of ['a b', '[', '%', 'a:99999', 'a/b']) {
      assert.match(await rawRequest(port, '/index.html', `Host: ${host}\r\n`), /^HTTP\/1\.1 400 /, JSON.stringify(host));
    }
  } finally {
    server.close();
  }
});

// A root whose folders' index.html files are symlinks: one out of the root, one inside it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'actlab-serve-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
fs.mkdirSync(path.join(tmp, 'root/escape'), { recursive: true });
fs.mkdirSync(path.join(tmp, 'root/inside'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'secret.html'), '<p>SECRET outside the root</p>');
fs.writeFileSync(path.join(tmp, 'root/page.html'), '<p>served</p>');
fs.symlinkSync(path.join(tmp, 'secret.html'), path.join(tmp, 'root/escape/index.html'));
fs.symlinkSync('../page.html', path.join(tmp, 'root/inside/index.html'));

test('a directory index that is a symlink out of the root is refused, for /dir/ and /dir alike', async () => {
  const { server, url } = await startServer({ port: 0, root: path.join(tmp, 'root') });
  try {
    for (const target of ['escape/', 'escape', 'escape/index.html']) {
      const response = await fetch(new URL(target, url));
      const body = await response.text();
      assert.equal(response.status, 403, `GET /${target}`);
      assert.doesNotMatch(body, /SECRET/, `GET /${target}`);
    }
    // A symlinked index that stays inside the root is still served.
    for (const target of ['inside/', 'inside']) {
      const response = await fetch(new URL(target, url));
      assert.equal(response.status, 200, `GET /${target}`);
      assert.match(await response.text(), /served/);
    }
  } finally {
    server.close();
  }
});

test('with a public origin, og:url and oEmbed answers name it, whatever Host the request carries', async () => {
  const { server, url } = await startServer({ port: 0, publicOrigin: 'https://lab.example' });
  try {
    const port = Number(new URL(url).port);
    const page = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('GET /index.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => { text += chunk; });
      socket.on('close', () => resolve(text));
    });
    assert.match(page, /<meta property="og:url" content="https:\/\/lab\.example\/index\.html">/);
    assert.doesNotMatch(page, /evil\.example/);
    const answer = await (await fetch(`${url}oembed?url=${encodeURIComponent('https://lab.example/#seed=2')}`)).json();
    assert.equal(answer.provider_url, 'https://lab.example/');
    assert.match(answer.html, /src="https:\/\/lab\.example\/embed\.html#figure=race&amp;seed=2"/);
    // The server's own address is then not a page of the lab.
    assert.equal((await fetch(`${url}oembed?url=${encodeURIComponent(url)}`)).status, 404);
  } finally {
    server.close();
  }
});

test('a public origin must be an origin: each bad value is an Error naming the setting and the value', () => {
  assert.equal(publicOriginFrom('https://lab.example/'), 'https://lab.example');
  assert.equal(publicOriginFrom('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
  for (const bad of ['', 'lab.example', 'ftp://lab.example', 'https://lab.example/lab/', 'https://a@lab.example',
                     'https://lab.example/?x', 'javascript:alert(1)']) {
    assert.throws(() => publicOriginFrom(bad), (e) => e.message.startsWith('PUBLIC_ORIGIN: ') &&
      e.message.includes(JSON.stringify(bad)), bad);
  }
  assert.throws(() => startServer({ publicOrigin: 'nope' }), /publicOrigin: "nope"/);
});

test("dist/_headers sends every file the dev server's CSP and nosniff; the CSP closes object-src and base-uri", async () => {
  const { server, url } = await startServer({ port: 0 });
  let devCsp;
  try {
    const response = await fetch(`${url}embed.html`);
    devCsp = response.headers.get('content-security-policy');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  } finally {
    server.close();
  }
  assert.equal(devCsp, DEFAULT_CSP);
  assert.match(devCsp, /(^|; )object-src 'none'(;|$)/);
  assert.match(devCsp, /(^|; )base-uri 'none'(;|$)/);
  assert.doesNotMatch(devCsp, /frame-ancestors/, 'embed.html is made to be framed by any site');
  const headers = headersFile();
  const all = /^\/\*\n((?: {2}.+\n)+)/m.exec(headers)?.[1] ?? '';
  assert.ok(all.includes(`  Content-Security-Policy: ${devCsp}\n`), headers);
  assert.ok(all.includes('  X-Content-Type-Options: nosniff\n'), headers);
  assert.doesNotMatch(headers, /frame-ancestors|X-Frame-Options/);
});
