// CPU time spent while a client runs: by zou's API server (gunicorn and its workers), what a client
// costs the server beyond how long it waited; and by every program of the machine, grouped, to tell
// whether the client's time went waiting for a CPU that another program held. Linux /proc only; null
// where it cannot be read.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../test/e2e/support/browser.mjs';

const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in ticks. */
function cpuTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ")"; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

export function zouApiCpuSeconds() {
  try {
    const pidFile = path.join(ROOT, process.env.KITSU_STACK_DIR ?? '.kitsu-stack', 'pids', 'zou-api.json');
    const { pid } = JSON.parse(fs.readFileSync(pidFile, 'utf8'));
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return [pid, ...children].reduce((sum, each) => sum + cpuTicks(each), 0) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const GROUPS = [
  ['chromium', /chrom/i],
  ['zou (python)', /gunicorn|python|zou/i],
  ['node (bench, front door, proxy)', /node|MainThread/i],
  ['postgres', /postgres/i],
  ['redis', /redis/i],
];

/**
 * Which of Chromium's processes: its --type (renderer; gpu-process: compositing, in software under Xvfb;
 * utility: network and storage), "browser" without one.
 */
function chromiumProcessType(pid) {
  const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  const type = /--type=([\w-]+)/.exec(commandLine)?.[1] ?? 'browser';
  // The extension's renderer holds its worker, the confirm window and the dock's frame; the others, web pages.
  if (type === 'renderer') return commandLine.includes('--extension-process') ? 'extension renderer' : 'page renderer';
  return type;
}

/** Each running process's group of GROUPS ("other" for the rest) and CPU ticks, by pid. */
function ticksByProcess() {
  const processes = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const program = GROUPS.find(([, pattern]) => pattern.test(command))?.[0] ?? 'other';
      const group = program === 'chromium' ? `chromium ${chromiumProcessType(entry)}` : program;
      processes.set(entry, { group, ticks: cpuTicks(entry) });
    } catch {
      // The process ended while the list was read.
    }
  }
  return processes;
}

/**
 * Each group's ticks between two readings, process by process: one that started meanwhile counts from
 * zero, one that ended is left out (subtracting its earlier total would make a group's time negative).
 */
function ticksByGroupBetween(before, after) {
  const totals = Object.fromEntries([...GROUPS.map(([name]) => [name, 0]), ['other', 0]]);
  for (const [pid, { group, ticks }] of after) {
    const since = ticks - (before.get(pid)?.ticks ?? 0);
    totals[group] = (totals[group] ?? 0) + since;
    // Chromium's processes also add up to the program's total.
    if (group.startsWith('chromium ')) totals.chromium += since;
  }
  return totals;
}

/** Busy and total ticks of all the machine's CPUs (/proc/stat's first line). */
function machineTicks() {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  // idle and iowait are the 4th and 5th values.
  return { busy: total - values[3] - values[4], total };
}

/**
 * Starts counting; the returned function gives, since then, each group's CPU seconds and how busy the
 * machine's CPUs were (1 = every CPU busy all the time). The time of processes that end meanwhile is not
 * counted; the machine's busy share still holds it.
 */
export function startCpuCount() {
  try {
    const before = { processes: ticksByProcess(), machine: machineTicks() };
    return () => {
      try {
        const groups = ticksByGroupBetween(before.processes, ticksByProcess());
        const machine = machineTicks();
        const bySeconds = Object.fromEntries(
          Object.entries(groups).map(([name, ticks]) => [name, ticks / TICKS_PER_SECOND]),
        );
        const busyShare = (machine.busy - before.machine.busy) / Math.max(1, machine.total - before.machine.total);
        return { cpuSecondsByProgram: bySeconds, machineBusyShare: Math.round(busyShare * 100) / 100 };
      } catch {
        return null;
      }
    };
  } catch {
    return () => null;
  }
}
