/**
 * Debian's Chromium as the tests and the bench start it: headless, no sandbox (root), and
 * nothing that reaches for the network (this machine has none beyond the registries).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
