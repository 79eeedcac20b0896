#!/usr/bin/env node
// Renders the pages of an OFD with ofd.js (DLTech21, Apache-2.0, from the npm registry) in
// Debian's headless Chromium, for the tests of Gongwen's OFD writer (export/ofd). Gongwen wrote
// neither: the reader parses the package and lays out every page as SVG on its own.
//
// usage: node render.js OFD FONTS.json OUTDIR [SCALE] [DPR]
//   FONTS.json  {"<OFD font ID>": "/path/font_N.ttf", ...}: the package's embedded font files.
//               ofd.js 0.2.6 ignores embedded fonts and asks the browser for the font named by
//               FamilyName (mapped through its own table, e.g. 仿宋 -> FangSong). This script
//               plays the part of a machine that has those fonts installed: it registers each
//               embedded file under the CSS family ofd.js asked for, as an @font-face. It does
//               not touch what ofd.js drew. Chromium's font sanitizer (OTS) checks each file.
//   SCALE       pixels per millimetre of the CSS page (default 96/25.4: ofd.js sizes images
//               correctly only at 96 dpi)
//   DPR         device pixels per CSS pixel (default 2)
// Writes OUTDIR/page-N.png (1-based) and prints JSON on stdout:
//   {"pages":[{"png":..., "text":..., "width":..., "height":...}], "families":{css: [ids]}, "errors":[...]}
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [ofdPath, fontsPath, outDir, scaleArg, dprArg] = process.argv.slice(2);
  if (!ofdPath || !fontsPath || !outDir) {
    console.error('usage: node render.js OFD FONTS.json OUTDIR [SCALE] [DPR]');
    process.exit(2);
  }
  const scale = scaleArg ? parseFloat(scaleArg) : 96 / 25.4;
  const dpr = dprArg ? parseFloat(dprArg) : 2;
  const fonts = JSON.parse(fs.readFileSync(fontsPath, 'utf8'));
  const fontData = {};
  for (const [id, p] of Object.entries(fonts)) fontData[id] = fs.readFileSync(p).toString('base64');
  fs.mkdirSync(outDir, { recursive: true });

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ofdjs-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
    viewport: { width: 1000, height: 1200 },
    deviceScaleFactor: dpr,
    offline: true,
  });
  const errors = [];
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    page.on('pageerror', e => errors.push('page error: ' + e.message));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>' +
      'html,body{margin:0;padding:0;background:#fff} #pages>div{margin:0 0 20px 0 !important}' +
      '</style></head><body><div id="pages"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('ofd.js/lib/ofd.umd.min.js') });
    const b64 = fs.readFileSync(ofdPath).toString('base64');
    const result = await page.evaluate(async ({ b64, scale, fontData }) => {
      const bin = atob(b64);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const docs = await new Promise((resolve, reject) => {
        ofd.parseOfdDocument({ ofd: buf.buffer, success: resolve, fail: reject });
      });
      const doc = docs[0];
      ofd.setPageScale(scale);
      const divs = ofd.renderOfdByScale(doc);
      const root = document.getElementById('pages');
      for (const d of divs) root.appendChild(d);

      // Which font each text element is in: ofd.js appends one <svg> per TextObject, in the
      // order of the layer's TextObjects.
      const families = {};
      const errs = [];
      doc.pages.forEach((pg, i) => {
        const pid = Object.keys(pg)[0];
        const content = pg[pid].json['ofd:Content'];
        const objs = [];
        for (const layer of [].concat(content ? content['ofd:Layer'] : [])) {
          if (layer && layer['ofd:TextObject']) objs.push(...[].concat(layer['ofd:TextObject']).filter(Boolean));
        }
        const svgs = [...divs[i].querySelectorAll(':scope > svg')].filter(s => s.querySelector('text'));
        if (svgs.length !== objs.length) errs.push(`page ${i + 1}: ${objs.length} TextObjects, ${svgs.length} text elements`);
        svgs.forEach((s, k) => {
          if (!objs[k]) return;
          const fam = s.querySelector('text').style.fontFamily;
          const id = objs[k]['@_Font'];
          families[fam] = families[fam] || [];
          if (!families[fam].includes(id)) families[fam].push(id);
        });
      });
      // Register each embedded file under the first family of the list ofd.js asked for.
      const faces = [];
      let css = '';
      for (const [fam, ids] of Object.entries(families)) {
        if (ids.length > 1) errs.push(`fonts ${ids.join(', ')} all map to the CSS family ${fam}`);
        const first = fam.split(',')[0].trim().replace(/^["']|["']$/g, '');
        if (!fontData[ids[0]]) { errs.push(`no file for font ${ids[0]}`); continue; }
        css += `@font-face{font-family:"${first}";src:url(data:font/ttf;base64,${fontData[ids[0]]}) format("truetype");}\n`;
        faces.push(first);
      }
      const st = document.createElement('style');
      st.textContent = css;
      document.head.appendChild(st);
      for (const f of faces) {
        try {
          const loaded = await document.fonts.load(`16px "${f}"`, '文');
          if (!loaded.length) errs.push(`font ${f} did not load (rejected by the browser?)`);
        } catch (e) {
          errs.push(`font ${f}: ${e.message}`);
        }
      }
      await document.fonts.ready;
      // Wait for the images (seals) ofd.js put in as data: URLs.
      await Promise.all([...document.querySelectorAll('image')].map(im => {
        const img = new Image();
        img.src = im.href.baseVal;
        return img.decode().catch(e => errs.push('image: ' + e.message));
      }));
      const pages = divs.map(d => ({
        text: [...d.querySelectorAll('text')].map(t => t.textContent).join(''),
        width: d.getBoundingClientRect().width,
        height: d.getBoundingClientRect().height,
      }));
      return { pages, families, errors: errs };
    }, { b64, scale, fontData });
    errors.push(...result.errors);
    await page.waitForTimeout(100);
    const handles = await page.$$('#pages > div');
    for (let i = 0; i < handles.length; i++) {
      // Show this page alone, at the top left of the document, so that it starts on a whole
      // device pixel like the first one (pages further down start at fractional offsets).
      await page.evaluate(k => {
        document.querySelectorAll('#pages > div').forEach((d, j) => { d.style.display = j === k ? '' : 'none'; });
        window.scrollTo(0, 0);
      }, i);
      const file = path.join(outDir, `page-${i + 1}.png`);
      await handles[i].screenshot({ path: file, animations: 'disabled' });
      result.pages[i].png = file;
    }
    process.stdout.write(JSON.stringify({ pages: result.pages, families: result.families, errors }) + '\n');
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error('render.js: ' + (e && e.stack || e));
  process.exit(1);
});
