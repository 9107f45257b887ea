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

async function saveState(page) {
  return page.getByTestId('save-badge').getAttribute('data-state');
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
