/** The machine a benchmark ran on: CPU, cores, RAM, OS, Node, Chromium and its WebGL renderer. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function osName() {
  try {
    const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) return `${m[1]} (${os.type()} ${os.release()})`;
  } catch {
    /* not Linux */
  }
  return `${os.type()} ${os.release()}`;
}

export function machineInfo() {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    ramGB: os.totalmem() / 2 ** 30,
    os: osName(),
    node: process.version,
  };
}
