import { writeFileSync } from 'node:fs';

// Loaded with `node --import` into each process the start-up benchmark runs: when the process exits,
// it writes the CPU time it used (from its start, bootstrap included) and its peak RSS to the file
// TRACERY_STARTUP_USAGE_FILE names. A file, not standard error, so the command's own output is untouched.
const file = process.env.TRACERY_STARTUP_USAGE_FILE;
if (file)
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const usage = { cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS };
    writeFileSync(file, JSON.stringify(usage));
  });
