// The native CLI's argument handling (build-native/actlab, parsed with CLI11): both flag
// spellings, config fields generated from the field table, and every user mistake as exit 2
// with a message that names the flag or field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { cliPath } from './lab-fixture.mjs';

function actlab(...args) {
  const r = spawnSync(cliPath, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('config fields are flags, as --name value and --name=value', () => {
  const r = actlab('train', '--steps', '3', '--learning_rate', '0.1', '--hidden=4,4', '--activation=tanh', '--json');
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.equal(result.steps, 3);
  assert.equal(result.config.learning_rate, 0.1);
  assert.deepEqual(result.config.hidden, [4, 4]);
  assert.equal(result.config.activation, 'tanh');
});

test('an empty value is a value: --hidden= and --hidden "" mean no hidden layer', () => {
  for (const args of [['--hidden='], ['--hidden', '']]) {
    const r = actlab('train', '--steps', '1', ...args, '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).config.hidden, []);
  }
});

test('every user mistake exits 2 with a message naming what was wrong', () => {
  const cases = [
    [['train', '--learning_rate', '99'], /^actlab: learning_rate: 99 is out of range \[1e-06, 10\]/],
    [['train', '--learning_rate', '-0.5'], /^actlab: learning_rate: -0.5 is out of range/],
    [['train', '--hidden', '4,x'], /^actlab: hidden: 'x' is not a number/],
    [['train', '--activation', 'nope'], /^actlab: activation: 'nope' is not one of identity, sigmoid/],
    [['train', '--bogus', '1'], /^actlab: unknown flag --bogus \(see 'actlab train --help'\)/],
    [['probe', '--steps', '1'], /^actlab: unknown flag --steps/],  // a flag of another command
    [['train', '--json=1'], /^actlab: --json takes no value/],
    [['train', '--json', '--json'], /^actlab: --json is given more than once/],
    [['train', '--seed', '1', '--seed=2'], /^actlab: --seed is given more than once/],
    [['train', '--learning_rate'], /^actlab: --learning_rate needs a value/],
    [['train', 'extra'], /^actlab: unexpected argument 'extra'/],
    [['train', '--steps', 'ten'], /^actlab: steps: 'ten' is not a whole number in \[0, /],
    [['nope'], /^actlab: unknown command 'nope'/],
  ];
  for (const [args, message] of cases) {
    const r = actlab(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}`);
    assert.match(r.err, message, args.join(' '));
    assert.equal(r.out, '', `${args.join(' ')} prints nothing on stdout`);
  }
});

test('--help lists the command flags and every config field', () => {
  const r = actlab('train', '--help');
  assert.equal(r.code, 0);
  for (const flag of ['--steps', '--json', '--params', 'learning_rate', 'layer_activations', 'clip_norm']) {
    assert.ok(r.out.includes(flag), `help mentions ${flag}`);
  }
});
