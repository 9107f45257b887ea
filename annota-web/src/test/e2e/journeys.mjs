// End-to-end journeys of the web UI in a real browser: playwright-core driving Debian's Chromium against a
// running Annota server. Started by WebUiJourneysTest (annota-server) with:
//   ANNOTA_URL          the server, e.g. http://localhost:41234
//   ANNOTA_ADMIN_USER / ANNOTA_ADMIN_PASSWORD
//   ANNOTA_PHOTOS       a folder of photos to upload (../shared/images/photos)
//   ANNOTA_SCREENSHOTS  where each main screen's PNG goes
//   ANNOTA_CHROMIUM     the browser (default /usr/bin/chromium)
// Every check of saved work goes through the API as well as the screen. Exits 1 when a journey fails.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Api } from './api.mjs';
import { polygons, writePng } from './fixtures.mjs';
import { tmpdir } from 'node:os';

const BASE = need('ANNOTA_URL');
const ADMIN = process.env.ANNOTA_ADMIN_USER ?? 'admin';
const PASSWORD = need('ANNOTA_ADMIN_PASSWORD');
const PHOTOS = need('ANNOTA_PHOTOS');
const SHOTS = process.env.ANNOTA_SCREENSHOTS ?? 'target/screenshots';
const CHROMIUM = process.env.ANNOTA_CHROMIUM ?? '/usr/bin/chromium';
const UPLOADS = ['chelsea_cat.png', 'china_pagoda.jpg', 'coffee.png'];

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is required`);
  return v;
}

function check(cond, message) {
  if (!cond) throw new Error(`check failed: ${message}`);
}

async function eventually(what, f, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const r = await f();
      if (r) return r;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const results = [];
async function journey(name, page, f) {
  const t0 = Date.now();
  try {
    await f();
    results.push({ name, ok: true, ms: Date.now() - t0 });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t0, error: e });
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
    await page.screenshot({ path: join(SHOTS, `FAILED-${name}.png`), fullPage: true }).catch(() => undefined);
    throw e;
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Draws a box on the canvas by dragging between two points given as fractions of the canvas. */
async function drawBox(page, fx0, fy0, fx1, fy1) {
  const c = await page.getByTestId('annotation-canvas').boundingBox();
  await page.mouse.move(c.x + c.width * fx0, c.y + c.height * fy0);
  await page.mouse.down();
  await page.mouse.move(c.x + c.width * ((fx0 + fx1) / 2), c.y + c.height * ((fy0 + fy1) / 2), { steps: 4 });
  await page.mouse.move(c.x + c.width * fx1, c.y + c.height * fy1, { steps: 4 });
  await page.mouse.up();
}

/** Clicks at fractions of the canvas. */
async function clickAt(page, fx, fy, options) {
  const c = await page.getByTestId('annotation-canvas').boundingBox();
  await page.mouse.click(c.x + c.width * fx, c.y + c.height * fy, options);
}

async function savedAtLeast(page, version) {
  await eventually(`saved badge at v${version} or later`, async () => {
    if ((await saveState(page)) !== 'saved') return false;
    const m = /v(\d+)/.exec(await page.getByTestId('save-badge').textContent());
    return m && Number(m[1]) >= version;
  }, 10_000);
}

async function blur(page) {
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
}

async function saveState(page) {
  return page.getByTestId('save-badge').getAttribute('data-state');
}

/**
 * Quality (issue 9): two annotators tag and box one photo with overlap 2 and disagree on the tag; the quality tab
 * shows both annotators and the disputed photo, runs the consensus, and the photo opens in the workspace.
 */
async function qualityJourney(page, api) {
  // a project of its own: in a project that already uses the workflow, uploads get tasks with overlap 1
  const project = await api.post('/projects', { name: 'E2E Quality', guidelines: '', schema: { classes: [{ name: 'wolf' }, { name: 'snow' }] } });
  const [photo] = (await api.upload(project.id, [join(PHOTOS, 'wolves.jpg')])).added;
  check(photo, 'wolves.jpg uploaded');
  const image = photo.image_id;
  const classes = (await api.get(`/projects/${project.id}/schema`)).schema.classes.map((c) => c.id);
  const people = {};
  for (const name of ['qa-ana', 'qa-ben']) {
    const user = await api.post('/users', { username: name, password: `password-${name}`, role: 'user' });
    await api.put(`/projects/${project.id}/members/${user.id}`, { role: 'annotator' });
    people[name] = { id: user.id, api: await Api.login(BASE, name, `password-${name}`) };
  }
  await api.post(`/projects/${project.id}/workflow/tasks`, { image_ids: [image], overlap: 2 });
  await api.post(`/projects/${project.id}/workflow/assign`, { explicit: { [image]: [people['qa-ana'].id, people['qa-ben'].id] } });
  for (const [name, tag] of [['qa-ana', classes[0]], ['qa-ben', classes[1]]]) {
    const who = people[name].api;
    const [job] = (await who.get(`/projects/${project.id}/jobs`, { assignee: 'me', image })).items;
    await who.put(`/jobs/${job.id}/annotations`, { version: 0, annotations: [
      { kind: 'tag', label: tag }, { kind: 'box', label: classes[0], box: [100, 80, 200, 150] }] });
    await who.post(`/jobs/${job.id}/submit`);
  }
  await page.goto(`${BASE}/projects/${project.id}/quality`);
  const annotators = page.getByRole('table', { name: 'Agreement per annotator' });
  await annotators.getByRole('cell', { name: 'qa-ana', exact: true }).waitFor();
  await annotators.getByRole('cell', { name: 'qa-ben', exact: true }).waitFor();
  const disputed = page.getByRole('table', { name: 'Disputed images' }).getByRole('link', { name: 'wolves.jpg' });
  await disputed.waitFor();
  await shot(page, '20-quality');
  await page.getByRole('button', { name: 'Run consensus' }).click();
  await page.getByRole('status').filter({ hasText: 'images merged' }).waitFor({ timeout: 30_000 });
  const history = await api.get(`/images/${image}/annotations/history`);
  check(history[0].source === 'consensus', `the merged set is written with source consensus: ${JSON.stringify(history[0])}`);
  const merged = (await api.get(`/images/${image}/annotations`)).annotations;
  check(merged.length === 1 && merged[0].kind === 'box', `only the box both drew is agreed: ${JSON.stringify(merged)}`);
  await page.getByRole('table', { name: 'Disputed images' }).getByRole('link', { name: 'wolves.jpg' }).click();
  await page.waitForURL(new RegExp(`/projects/[^/]+/images/${image}$`));
}

/**
 * Maya's "Train": a small project of generated red and blue squares tagged through the API, a cnn training of 2
 * epochs started from the Training tab and watched live (epoch line, learning-curve plot), then compared in the runs
 * table; the trained model is registered and linked to the project.
 */
async function trainingJourney(page, api) {
  const dir = join(tmpdir(), `annota-e2e-train-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const project = await api.post('/projects', { name: 'E2E Training', guidelines: '', schema: { classes: [{ name: 'red' }, { name: 'blue' }] } });
  const files = [];
  for (let i = 0; i < 12; i++) {
    const red = i % 2 === 0;
    const f = join(dir, `${red ? 'red' : 'blue'}-${i}.png`);
    await writePng(f, 24, 24, (x, y) => ((x + y + i) % 7 === 0 ? [128, 128, 128] : red ? [200 + i, 30, 30] : [30, 30, 200 + i]));
    files.push(f);
  }
  const report = await api.upload(project.id, files);
  check(report.added.length === 12, `uploaded ${report.added.length}`);
  const ids = Object.fromEntries(project.schema.classes.map((c) => [c.name, c.id]));
  for (const a of report.added) {
    await api.put(`/images/${a.image_id}/annotations`, { version: 0, annotations: [{ kind: 'tag', label: ids[a.name.startsWith('red') ? 'red' : 'blue'] }] });
  }
  await page.goto(`${BASE}/projects/${project.id}/training`);
  await page.getByLabel('Mode').selectOption('cnn');
  await page.getByLabel('Epochs').fill('2');
  await page.getByRole('button', { name: 'Train' }).click();
  await page.getByRole('heading', { name: 'Training succeeded' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('training-status').filter({ hasText: 'last epoch 2' }).waitFor();
  await page.getByRole('img', { name: /Learning curves/ }).waitFor();
  await eventually('a run in the table', async () => (await page.getByRole('table', { name: 'Training runs' }).locator('tbody tr').count()) === 1);
  await shot(page, '21-training');
  const runs = await api.get(`/projects/${project.id}/trainings`);
  check(runs.trainings[0].state === 'succeeded' && runs.trainings[0].result.epochs.length === 2, `runs ${JSON.stringify(runs).slice(0, 300)}`);
  const linked = await api.get(`/projects/${project.id}/models`);
  check(JSON.stringify(linked).includes(runs.trainings[0].result.model_id), 'the trained model is linked to the project');
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  let page = await context.newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  const api = await Api.login(BASE, ADMIN, PASSWORD);
  const state = {};
  try {
    await journey('sign_in', page, async () => {
      await page.goto(BASE + '/');
      await page.getByLabel('Username').fill(ADMIN);
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Password').fill(PASSWORD);
      await shot(page, '01-sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
      await shot(page, '02-projects-empty');
    });

    await journey('create_project_with_schema', page, async () => {
      await page.getByLabel('Project name').fill('E2E Catalog');
      await page.getByLabel('Class 1 name').fill('cat');
      await page.getByRole('button', { name: 'Add class' }).click();
      await page.getByLabel('Class 2 name').fill('tower');
      await shot(page, '03-create-project');
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.waitForURL(/\/projects\/[^/]+\/upload$/);
      state.projectId = decodeURIComponent(page.url().split('/projects/')[1].split('/')[0]);
      const p = await api.get(`/projects/${state.projectId}`);
      check(p.name === 'E2E Catalog', `project name ${p.name}`);
      const classes = p.schema.classes.map((c) => `${c.name} ${c.colour}`);
      check(JSON.stringify(classes) === JSON.stringify(['cat #E69F00', 'tower #56B4E9']), `classes ${classes}`);
      state.cat = p.schema.classes[0].id;
    });

    await journey('upload_three_photos', page, async () => {
      await page.getByLabel('Choose images (or drop them here)').setInputFiles(UPLOADS.map((f) => join(PHOTOS, f)));
      await page.getByRole('button', { name: 'Upload 3 files' }).click();
      await page.getByTestId('upload-summary').filter({ hasText: '3 added' }).waitFor({ timeout: 60_000 });
      await shot(page, '04-upload-report');
      const list = await api.get(`/projects/${state.projectId}/images`, { sort: 'file_name' });
      check(list.images.length === 3, `${list.images.length} images listed`);
      state.images = list.images;
    });

    await journey('browse_images', page, async () => {
      await page.getByRole('link', { name: 'See the images' }).click();
      await eventually('three tiles', async () => (await page.locator('.grid .tile').count()) === 3);
      await page.locator('.grid img').first().evaluate((img) => img.decode());
      await page.getByLabel('Sort', { exact: true }).selectOption('file_name');
      await eventually('sorted tiles', async () => (await page.locator('.tile-caption span').first().textContent()) === 'chelsea_cat.png');
      await shot(page, '05-images');
    });

    await journey('edit_settings', page, async () => {
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByLabel('Guidelines (Markdown)').fill('# Rules\n\nDraw **tight** boxes around every cat.\n\n- include ears\n- skip reflections');
      await page.locator('.markdown h1', { hasText: 'Rules' }).waitFor();
      await page.getByRole('button', { name: 'Save guidelines' }).click();
      await page.getByText('Guidelines saved.').waitFor();
      const p = await api.get(`/projects/${state.projectId}`);
      check(p.guidelines.startsWith('# Rules'), 'guidelines saved');
      await page.locator('summary', { hasText: 'cat' }).click();
      await shot(page, '06-settings');
    });

    await journey('draw_a_box_autosave_and_reload', page, async () => {
      const img = state.images[0];
      await page.goto(`${BASE}/projects/${state.projectId}/images/${img.id}`);
      await page.getByRole('heading', { name: img.file_name }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Loading image' }).waitFor({ state: 'detached' });
      await drawBox(page, 0.35, 0.3, 0.6, 0.65);
      await eventually('saved badge', async () => (await saveState(page)) === 'saved' && (await page.getByTestId('save-badge').textContent()).includes('v1'), 5_000);
      await shot(page, '07-workspace');
      await page.reload();
      await eventually('one object after reload', async () => (await page.locator('.objects li').count()) === 1);
      const set = await api.get(`/images/${img.id}/annotations`);
      check(set.version === 1 && set.annotations.length === 1, `server has version ${set.version} with ${set.annotations.length}`);
      const a = set.annotations[0];
      check(a.kind === 'box' && a.label === state.cat && a.box[2] > 10 && a.box[3] > 10, `box ${JSON.stringify(a)}`);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await shot(page, '08-shortcuts');
      await page.getByRole('button', { name: 'Close' }).click();
    });

    await journey('keep_working_offline_and_sync_after_reload', page, async () => {
      const img = state.images[0];
      await context.setOffline(true);
      await page.keyboard.press('2'); // the second class
      await drawBox(page, 0.1, 0.1, 0.25, 0.25);
      await eventually('offline badge', async () => (await saveState(page)) === 'waiting', 10_000);
      await page.getByTestId('save-status').filter({ hasText: 'offline' }).waitFor();
      await shot(page, '09-workspace-offline');
      check((await api.get(`/images/${img.id}/annotations`)).annotations.length === 1, 'nothing reached the server while offline');
      // reload while saves still cannot get through: the page loads, the API save is refused at the network
      await context.route('**/api/v1/images/*/annotations', (route) =>
        route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue());
      await context.setOffline(false);
      await page.reload();
      await eventually('two objects from the outbox after reload', async () => (await page.locator('.objects li').count()) === 2);
      check((await api.get(`/images/${img.id}/annotations`)).annotations.length === 1, 'still not on the server');
      // the network comes back
      await context.unroute('**/api/v1/images/*/annotations');
      await context.setOffline(true);
      await context.setOffline(false);
      const synced = await eventually('the second box on the server', async () => {
        const s = await api.get(`/images/${img.id}/annotations`);
        return s.annotations.length === 2 ? s : null;
      }, 40_000);
      check(synced.annotations[1].label !== state.cat, 'the second box has the second class');
      await eventually('saved badge after sync', async () => (await saveState(page)) === 'saved');
      await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    });

    await journey('conflict_shows_both_versions', page, async () => {
      const img = state.images[0];
      const cur = await api.get(`/images/${img.id}/annotations`);
      // someone else deletes everything meanwhile
      await api.put(`/images/${img.id}/annotations`, { version: cur.version, annotations: [] });
      await page.keyboard.press('1');
      await drawBox(page, 0.65, 0.65, 0.8, 0.8);
      await page.getByRole('alertdialog', { name: 'This image was changed elsewhere' }).waitFor();
      await page.getByRole('button', { name: 'Show theirs on the image' }).click();
      await shot(page, '10-conflict');
      await page.getByRole('button', { name: 'Keep my version' }).click();
      const s = await eventually('my version on the server', async () => {
        const x = await api.get(`/images/${img.id}/annotations`);
        return x.annotations.length === 3 ? x : null;
      });
      check(s.version === cur.version + 2, `version ${s.version}`);
      await eventually('saved badge after the choice', async () => (await saveState(page)) === 'saved');
    });


    await journey('draw_every_kind_edit_attributes_undo_redo_and_reload', page, async () => {
      const img = state.images[0];
      const schema = await api.get(`/projects/${state.projectId}/schema`);
      const thing = await api.post(`/projects/${state.projectId}/schema/classes`, {
        schema_version: schema.schema_version, name: 'thing', colour: '#009E73',
        attributes: [
          { name: 'colour', type: 'select', options: ['red', 'blue'] },
          { name: 'count', type: 'number', min: 0, max: 10, integer: true },
          { name: 'parked', type: 'checkbox' },
          { name: 'note', type: 'text', max_length: 40 },
          { name: 'flags', type: 'multi_select', options: ['dented', 'wet'] },
        ],
      });
      const body = await api.post(`/projects/${state.projectId}/schema/classes`, {
        schema_version: thing.schema_version, name: 'body', colour: '#CC79A7', kinds: ['keypoints'],
        skeleton: { points: ['head', 'neck', 'tail'], edges: [[0, 1], [1, 2]] },
      });
      const thingId = thing.schema.classes.find((c) => c.name === 'thing').id;
      const bodyId = body.schema.classes.find((c) => c.name === 'body').id;
      await page.reload();
      const before = (await api.get(`/images/${img.id}/annotations`)).annotations.length;
      await page.getByRole('heading', { name: `Objects (${before})` }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Loading image' }).waitFor({ state: 'detached' });
      await page.keyboard.press('t');
      await page.keyboard.press('1'); // tag the image "cat"
      await page.keyboard.press('r');
      await drawBox(page, 0.3, 0.15, 0.42, 0.3);
      await page.keyboard.press('p');
      for (const [x, y] of [[0.45, 0.2], [0.55, 0.22], [0.5, 0.35]]) await clickAt(page, x, y);
      await page.keyboard.press('Enter');
      await page.keyboard.press('l');
      for (const [x, y] of [[0.3, 0.45], [0.38, 0.5], [0.45, 0.45]]) await clickAt(page, x, y);
      await page.keyboard.press('Enter');
      await page.keyboard.press('d');
      for (const [x, y] of [[0.5, 0.45], [0.53, 0.48]]) await clickAt(page, x, y);
      await page.keyboard.press('Enter');
      await page.keyboard.press('k');
      await page.keyboard.press('4'); // body: the fourth class that allows keypoints
      await clickAt(page, 0.58, 0.4);
      await page.getByTestId('ws-notice').filter({ hasText: 'Place “neck”' }).waitFor();
      await page.keyboard.press('n'); // neck not visible: unlabelled
      await clickAt(page, 0.62, 0.5);
      await page.keyboard.press('m');
      {
        const c = await page.getByTestId('annotation-canvas').boundingBox();
        await page.mouse.move(c.x + c.width * 0.3, c.y + c.height * 0.6);
        await page.mouse.down();
        await page.mouse.move(c.x + c.width * 0.4, c.y + c.height * 0.62, { steps: 6 });
        await page.mouse.up();
      }
      await page.keyboard.press('c');
      await drawBox(page, 0.45, 0.58, 0.52, 0.68);
      await page.keyboard.press('o');
      await page.keyboard.press('3'); // thing
      await drawBox(page, 0.56, 0.58, 0.66, 0.7);
      // the new ellipse is selected: its attributes
      await page.getByLabel('colour').selectOption('blue');
      await page.getByLabel('count').fill('3');
      await page.getByLabel('count').press('Tab');
      await page.getByLabel('note').fill('left door');
      await page.getByLabel('note').press('Tab');
      await page.getByLabel('parked').check();
      await page.locator('.attributes fieldset').getByLabel('wet').check();
      await blur(page);
      await page.keyboard.press('Control+z');
      await eventually('undo clears the last attribute', async () => !(await page.locator('.attributes fieldset').getByLabel('wet').isChecked()));
      await page.keyboard.press('Control+Shift+z');
      await eventually('redo sets it again', async () => page.locator('.attributes fieldset').getByLabel('wet').isChecked());
      await shot(page, '14-every-kind');
      // edit a vertex: select the polygon and drag its first vertex
      await page.keyboard.press('v');
      await page.locator('.objects button', { hasText: 'polygon' }).first().click();
      await blur(page);
      {
        const c = await page.getByTestId('annotation-canvas').boundingBox();
        await page.mouse.move(c.x + c.width * 0.45, c.y + c.height * 0.2);
        await page.mouse.down();
        await page.mouse.move(c.x + c.width * 0.43, c.y + c.height * 0.16, { steps: 4 });
        await page.mouse.up();
      }
      await shot(page, '15-vertex-edit');
      let last;
      const saved = await eventually('every kind on the server', async () => {
        if ((await saveState(page)) !== 'saved') return null;
        last = await api.get(`/images/${img.id}/annotations`);
        return last.annotations.length === before + 9 ? last : null;
      }, 15_000).catch((e) => {
        throw new Error(`${e.message}; the server has ${last?.annotations.map((a) => a.kind)}`);
      });
      const kinds = saved.annotations.map((a) => a.kind).sort();
      for (const k of ['tag', 'rotated_box', 'polygon', 'polyline', 'points', 'keypoints', 'mask', 'cuboid', 'ellipse']) {
        check(kinds.includes(k), `a ${k} was saved (${kinds})`);
      }
      const ellipse = saved.annotations.find((a) => a.kind === 'ellipse');
      check(ellipse.label === thingId, `ellipse class ${ellipse.label}`);
      check(JSON.stringify(ellipse.attributes) === JSON.stringify({ colour: 'blue', count: 3, flags: ['wet'], note: 'left door', parked: true }),
        `ellipse attributes ${JSON.stringify(ellipse.attributes)}`);
      const kp = saved.annotations.find((a) => a.kind === 'keypoints');
      check(kp.label === bodyId && kp.keypoints.length === 9 && kp.keypoints[5] === 0 && kp.keypoints[8] === 2, `keypoints ${kp.keypoints}`);
      const poly = saved.annotations.find((a) => a.kind === 'polygon');
      check(poly.polygon[0].length === 6, `polygon ${poly.polygon}`);
      const mask = saved.annotations.find((a) => a.kind === 'mask');
      check(typeof mask.mask.counts === 'string' && mask.mask.size[0] === img.height && mask.mask.size[1] === img.width, `mask ${JSON.stringify(mask.mask.size)}`);
      check(saved.annotations.find((a) => a.kind === 'cuboid').cuboid.length === 16, 'cuboid of 16 numbers');
      await page.reload();
      await eventually('every object after reload', async () => (await page.locator('.objects li').count()) === saved.annotations.length - 1);
      await page.locator('.tagbar .chip.on', { hasText: 'cat' }).waitFor();
      // the reloaded page saves nothing new, and the server's set is unchanged (round trip through the UI)
      await page.waitForTimeout(800);
      const after = await api.get(`/images/${img.id}/annotations`);
      check(after.version === saved.version && JSON.stringify(after.annotations) === JSON.stringify(saved.annotations), 'the set is unchanged after reload');
      state.before = saved.annotations.length;
    });

    await journey('review_accept_and_reject', page, async () => {
      const ana = await api.post('/users', { username: 'ana', password: 'ana-password-1', role: 'user' });
      await api.put(`/projects/${state.projectId}/members/${ana.id}`, { role: 'annotator' });
      await page.goto(`${BASE}/projects/${state.projectId}`);
      await page.getByLabel('Sort', { exact: true }).selectOption('file_name');
      await eventually('sorted tiles', async () => (await page.locator('.tile-caption span').first().textContent()) === 'chelsea_cat.png');
      await page.getByLabel('Select china_pagoda.jpg').check();
      await page.getByLabel('Select coffee.png').check();
      await page.getByLabel('Assign to', { exact: true }).selectOption({ label: 'ana (annotator)' });
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('Assigned 2 jobs').waitFor();
      await shot(page, '11-images-assigned');
      const annotator = await Api.login(BASE, 'ana', 'ana-password-1');
      for (let i = 0; i < 2; i++) {
        const job = await annotator.post(`/projects/${state.projectId}/workflow/next`);
        const set = await annotator.get(`/jobs/${job.id}/annotations`);
        await annotator.put(`/jobs/${job.id}/annotations`, {
          version: set.version, annotations: [{ kind: 'box', label: state.cat, box: [10, 10, 50, 40], source: { type: 'human' } }],
        });
        await annotator.post(`/jobs/${job.id}/submit`);
      }
      await page.getByRole('tab', { name: 'Review queue' }).click();
      await page.getByText('2 jobs waiting for review').waitFor();
      await shot(page, '12-review-queue');
      await page.getByRole('link', { name: 'Review china_pagoda.jpg' }).click();
      await page.getByRole('heading', { name: 'Review: china_pagoda.jpg' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Loading image' }).waitFor({ state: 'detached' });
      await shot(page, '13-review-job');
      await page.getByRole('button', { name: 'Accept' }).click();
      await page.getByText('1 job waiting for review').waitFor();
      await page.getByRole('link', { name: 'Review coffee.png' }).click();
      await page.getByLabel('Comment (required to reject)').fill('The box misses the cup handle.');
      await page.getByRole('button', { name: 'Reject' }).click();
      await page.getByText('Nothing is waiting for review.').waitFor();
      const jobs = (await api.get(`/projects/${state.projectId}/jobs`)).items;
      const byImage = Object.fromEntries(jobs.map((j) => [j.image_id, j]));
      const pagoda = state.images.find((i) => i.file_name === 'china_pagoda.jpg');
      const coffee = state.images.find((i) => i.file_name === 'coffee.png');
      check(byImage[pagoda.id].state === 'accepted', `pagoda job ${byImage[pagoda.id].state}`);
      check(byImage[coffee.id].state === 'rejected', `coffee job ${byImage[coffee.id].state}`);
      const comments = await api.get(`/jobs/${byImage[coffee.id].id}/comments`);
      check(comments.some((c) => c.text === 'The box misses the cup handle.'), 'the reject comment is kept');
    });

    await journey('train_a_classifier_and_watch_it', page, () => trainingJourney(page, api));

    await journey('measure_5000_polygons_and_a_10k_image', page, async () => {
      const dir = join(tmpdir(), `annota-e2e-${process.pid}`);
      mkdirSync(dir, { recursive: true });
      const fieldPng = join(dir, 'field-4000x3000.png');
      const bigPng = join(dir, 'grid-10000x10000.png');
      await writePng(fieldPng, 4000, 3000, (x, y) => [90 + ((x >> 6) % 2) * 30, 120 + ((y >> 6) % 2) * 30, 90]);
      await writePng(bigPng, 10000, 10000, (x, y) => [((x / 1000) | 0) * 25, ((y / 1000) | 0) * 25, ((x >> 5) + (y >> 5)) % 2 ? 200 : 160]);
      const report = await api.upload(state.projectId, [fieldPng, bigPng]);
      check(report.added.length === 2, `uploaded ${JSON.stringify(report)}`);
      const field = report.added.find((a) => a.name.startsWith('field')).image_id;
      const big = report.added.find((a) => a.name.startsWith('grid')).image_id;
      const classes = (await api.get(`/projects/${state.projectId}/schema`)).schema.classes.filter((c) => c.kinds.includes('polygon')).map((c) => c.id);
      await api.put(`/images/${field}/annotations`, { version: 0, annotations: polygons(5000, 4000, 3000, classes.slice(0, 3)) });

      const panFrames = async (frames) => page.evaluate(async (n) => {
        const v = window.annotaView;
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        await frame();
        let last = await frame();
        const intervals = [], render = [];
        for (let i = 0; i < n; i++) {
          const cur = v.viewport();
          v.setViewport({ ...cur, tx: cur.tx + (i < n / 2 ? 6 : -6), ty: cur.ty + (i % 40 < 20 ? 3 : -3) });
          const t = await frame();
          intervals.push(t - last);
          last = t;
          render.push(v.lastFrame().ms);
        }
        const stats = (xs) => {
          const s = [...xs].sort((a, b) => a - b);
          return { mean: +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2), p50: +s[Math.floor(s.length / 2)].toFixed(2), p95: +s[Math.floor(s.length * 0.95)].toFixed(2), max: +s[s.length - 1].toFixed(2) };
        };
        return { frames: n, frame_ms: stats(intervals), render_ms: stats(render), drawn: v.lastFrame().drawn, culled: v.lastFrame().culled };
      }, frames);

      await page.goto(`${BASE}/projects/${state.projectId}/images/${field}`);
      await page.getByRole('status').filter({ hasText: 'Loading image' }).waitFor({ state: 'detached', timeout: 30_000 });
      await eventually('5,000 objects listed', async () => (await page.getByRole('heading', { name: 'Objects (5000)' }).count()) === 1);
      await page.keyboard.press('v');
      const fitted = await panFrames(120);
      await shot(page, '16-5000-polygons');
      await page.evaluate(() => window.annotaView.zoom(4));
      const zoomed = await panFrames(120);
      await shot(page, '17-5000-polygons-zoomed');
      // picking goes through the index: a click selects within one frame
      const t0 = Date.now();
      await clickAt(page, 0.5, 0.5);
      const clickMs = Date.now() - t0;
      console.log(`MEASURE 5000 polygons, 1280x800 viewport, panning at fit: ${JSON.stringify(fitted)}`);
      console.log(`MEASURE 5000 polygons, panning at 4x zoom (culling): ${JSON.stringify(zoomed)}`);
      console.log(`MEASURE click to select among 5000 polygons: ${clickMs} ms (round trip through playwright)`);

      const openTime = async (ctx, query) => {
        const p = await ctx.newPage();
        await p.goto(`${BASE}/projects/${state.projectId}/images/${big}${query}`);
        const ms = await p.evaluate(async () => {
          for (let i = 0; i < 600 && !window.annotaView; i++) await new Promise((r) => setTimeout(r, 50));
          return window.annotaView.firstPaint();
        });
        const tiles = await p.getByTestId('annotation-canvas').getAttribute('data-tiles');
        return { p, ms: Math.round(ms), tiles };
      };
      const cold = await openTime(context, '');
      check(cold.tiles === 'on', 'the 10k image opens from tiles');
      await cold.p.waitForTimeout(1500);
      await cold.p.screenshot({ path: join(SHOTS, '18-10k-tiles.png') });
      // pan a little at full resolution: only the tiles under the view are fetched
      await cold.p.evaluate(() => { window.annotaView.actualSize(); });
      await cold.p.waitForTimeout(6000);
      await cold.p.screenshot({ path: join(SHOTS, '19-10k-tiles-100pct.png') });
      await cold.p.close();
      const warmCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, storageState: await context.storageState() });
      const warm = await openTime(warmCtx, '');
      await warm.p.close();
      const origCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, storageState: await context.storageState() });
      const original = await openTime(origCtx, '?tiles=off');
      check(original.tiles === 'off', 'the original is used with ?tiles=off');
      await original.p.close();
      await warmCtx.close();
      await origCtx.close();
      console.log(`MEASURE open 10000x10000 (navigation start to first image pixels drawn): tiles, first open (server makes them) ${cold.ms} ms; tiles, cached on the server ${warm.ms} ms; original PNG ${original.ms} ms`);
    });

    await journey('quality_agreement_and_consensus', page, () => qualityJourney(page, api));
  } finally {
    await browser.close();
    const failed = results.filter((r) => !r.ok);
    console.log(`${results.length - failed.length} of ${results.length} journeys passed; screenshots in ${SHOTS}`);
    if (failed.length || results.length === 0) process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exitCode = 1;
});
