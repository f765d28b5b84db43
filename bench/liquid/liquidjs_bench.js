// Times liquidjs on the benchmark e-mail: parse once, then render repeatedly on one core.
// Prints JSON: {"renders_per_second", "renders_per_cpu_second", "renders", "seconds", "output"}.
// Usage: node liquidjs_bench.js NODE_MODULES_DIR TEMPLATE DATA.json SECONDS
'use strict';
const path = require('path');
const fs = require('fs');

const [modules, templateFile, dataFile, secondsArg] = process.argv.slice(2);
const { Liquid } = require(path.join(modules, 'liquidjs'));
const seconds = Number(secondsArg) || 3;

// The same output settings as our engine: HTML escaping, UTC dates, "now" fixed.
const engine = new Liquid({ outputEscape: 'escape', timezoneOffset: 0 });
const nbsp = '\u00A0';
// Our custom filters, written plainly for liquidjs so both engines do the same work.
engine.registerFilter('money', (v) => {
  const minor = Math.round(Number(v) || 0);
  const abs = Math.abs(minor);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
  return (minor < 0 ? '-' : '') + whole + ',' + String(abs % 100).padStart(2, '0') + nbsp + '\u20BD';
});
engine.registerFilter('plural', (v, one, few, many) => {
  const n = Math.abs(Number(v) || 0);
  if (many === undefined) return n === 1 ? one : few;
  if (!Number.isInteger(n)) return few;
  const m10 = n % 10, m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
});
engine.registerFilter('phone', (v) => {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(String(v));
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : v;
});

const template = engine.parse(fs.readFileSync(templateFile, 'utf8'));
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
const output = engine.renderSync(template, data);

// Wall time and the process's CPU time (which includes the garbage collector's threads).
const timeFor = (budgetMs) => {
  let renders = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(budgetMs * 1e6));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; ++i) engine.renderSync(template, data);
    renders += 20;
    now = process.hrtime.bigint();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { renders, seconds: Number(now - start) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
};
timeFor(1000);  // warm-up: let the JIT compile the hot paths
const run = timeFor(seconds * 1000);
process.stdout.write(JSON.stringify({
  renders_per_second: run.renders / run.seconds,
  renders_per_cpu_second: run.renders / run.cpuSeconds,
  renders: run.renders,
  seconds: run.seconds,
  output,
}));
