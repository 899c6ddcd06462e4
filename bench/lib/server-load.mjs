// CPU time zou's API server (gunicorn and its workers) spent: what a client costs the server,
// beyond how long the client waited. Linux /proc only; null where it cannot be read.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../test/e2e/support/browser.mjs';

const TICKS_PER_SECOND = 100;

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
