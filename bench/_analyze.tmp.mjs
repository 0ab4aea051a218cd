import { build } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { SourceMapConsumer } = require('/work/main/node_modules/source-map-js');
const out = '/tmp/vite-analyze';
await build({ configFile: '/work/main/build/vite.config.ts', build: { outDir: out, emptyOutDir: true, sourcemap: true }, logLevel: 'error' });
const target = process.argv[2] || 'index-';
for (const f of readdirSync(out + '/assets')) {
  if (!f.endsWith('.js') || !f.startsWith(target)) continue;
  const code = readFileSync(`${out}/assets/${f}`, 'utf8');
  const map = JSON.parse(readFileSync(`${out}/assets/${f}.map`, 'utf8'));
  const c = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const bytes = {};
  // attribute each generated char range to the source of the nearest preceding mapping
  const mappings = [];
  c.eachMapping(m => mappings.push(m));
  mappings.sort((a,b)=> a.generatedLine-b.generatedLine || a.generatedColumn-b.generatedColumn);
  for (let i=0;i<mappings.length;i++){const m=mappings[i];const n=mappings[i+1];
    let len; if(n && n.generatedLine===m.generatedLine) len=n.generatedColumn-m.generatedColumn; else len=lines[m.generatedLine-1].length-m.generatedColumn;
    const s=(m.source||'?').replace(/.*node_modules\//,'nm:').replace(/.*\/course\//,'');
    bytes[s]=(bytes[s]||0)+len;}
  console.log(f, code.length);
  for (const [s,b] of Object.entries(bytes).sort((a,b)=>b[1]-a[1])) console.log(String(b).padStart(7), s);
}
