// `npm run size [-- --modules]`: what the built app's JS weighs (gzip level 9, as the bench
// counts), chunk by chunk; `*` marks what the editor page loads first (the entry, the draft page
// and their static imports, as `bundle.initialJs` in `npm run bench`). --modules adds each
// chunk's heaviest source modules (each module's code gzipped alone, scaled to the chunk's size).
// --check exits 1 when the first load is over its budget (bench/budgets.json, bundle.firstLoad):
// `npm test` runs it after the build, so the budget cannot slip unnoticed. Gzip of a given build
// is deterministic, so the check is too (the bench, in a browser, loads these same files).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

// The build is in memory: the service worker's generator (vite.config.ts, pwaPlugins) would
// read dist/ from disk and write dist/sw.js over; the registration code is still built and counted.
process.env.NIANBAO_SW = 'off';

const withModules = process.argv.includes('--modules');
const check = process.argv.includes('--check');
{
  const result = await build({ logLevel: 'silent', build: { write: false } });
  const chunks = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  const kB = (bytes) => (bytes / 1024).toFixed(1).padStart(6);

  const first = new Set();
  const add = (name) => {
    if (first.has(name)) return;
    first.add(name);
    for (const i of byName.get(name).imports) add(i);
  };
  add(chunks.find((c) => c.isEntry).fileName);
  add(chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/app/DraftPage.tsx')).fileName);

  let firstTotal = 0;
  let total = 0;
  for (const chunk of [...chunks].sort((a, b) => gzip(b.code) - gzip(a.code))) {
    const size = gzip(chunk.code);
    total += size;
    if (first.has(chunk.fileName)) firstTotal += size;
    console.log(`${kB(size)} ${first.has(chunk.fileName) ? '*' : ' '} ${chunk.fileName}`);
    if (withModules) {
      const sizes = Object.entries(chunk.modules).map(([id, m]) => [id.replace(/^.*?[\\/](node_modules|src)[\\/]/, '$1/'), gzip(m.code ?? '')]);
      const sum = sizes.reduce((a, [, s]) => a + s, 0);
      for (const [source, s] of sizes.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 12))) {
        if ((s * size) / sum >= 100) console.log(`         ${kB((s * size) / sum)}  ${source}`);
      }
    }
  }
  console.log(`${kB(firstTotal)} * the editor page's first load (${first.size} files)`);
  console.log(`${kB(total)}   all JS (${chunks.length} files)`);
  if (check) {
    const budget = JSON.parse(readFileSync(new URL('../bench/budgets.json', import.meta.url), 'utf8'))['bundle.firstLoad'];
    if (budget?.unit !== 'kB gzip' || typeof budget.max !== 'number') throw new Error('bench/budgets.json: no bundle.firstLoad { max, unit: "kB gzip" }');
    const over = firstTotal - budget.max * 1024;
    if (over > 0) {
      console.error(`The editor page's first load is ${(firstTotal / 1024).toFixed(2)} kB gzip, ${over} bytes over its budget of ${budget.max} kB (bench/budgets.json): load on use what the first paint does not need (\`npm run size -- --modules\`).`);
      process.exitCode = 1;
    } else {
      console.log(`within the budget of ${budget.max} kB (${-over} bytes to spare)`);
    }
  }
}
