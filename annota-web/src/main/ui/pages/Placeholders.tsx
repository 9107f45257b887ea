import { Link } from '../app/ui';

export function ComingSoon({ page }: { page: string }) {
  return (
    <section class="page narrow">
      <h1>{page[0].toUpperCase() + page.slice(1)}</h1>
      <p>This page is coming soon. <Link href="/projects">Back to projects</Link>.</p>
    </section>
  );
}

export function NotFound({ path }: { path: string }) {
  return (
    <section class="page narrow">
      <h1>Page not found</h1>
      <p>Nothing lives at <code>{path}</code>. <Link href="/projects">Go to the projects</Link>.</p>
    </section>
  );
}
