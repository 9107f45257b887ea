// The review queue: jobs handed in for review, oldest first; each opens in the review view.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ImageInfo, Job, Member, Project } from '../api/types';
import { ErrorBox, Link, Spinner } from '../app/ui';

export function ReviewTab({ project }: { project: Project }) {
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [images, setImages] = useState<Map<string, ImageInfo>>(new Map());
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    (async () => {
      const page = await api.jobs(project.id, { state: 'submitted', limit: 200 });
      const [ms, imgs] = await Promise.all([
        api.members(project.id).catch((): Member[] => []),
        Promise.all(page.items.map((j) => api.image(j.image_id).catch(() => null))),
      ]);
      setMembers(new Map(ms.map((m) => [m.user_id, m.username])));
      setImages(new Map(imgs.filter((i): i is ImageInfo => i !== null).map((i) => [i.id, i])));
      setJobs(page.items);
    })().catch(setError);
  }, [project.id]);
  if (error) return <ErrorBox error={error} />;
  if (!jobs) return <Spinner />;
  if (jobs.length === 0) return <p class="muted">Nothing is waiting for review.</p>;
  return (
    <table class="table">
      <caption>{jobs.length} job{jobs.length === 1 ? '' : 's'} waiting for review</caption>
      <thead><tr><th scope="col">Image</th><th scope="col">Annotator</th><th scope="col">Handed in</th><th scope="col"><span class="sr-only">Action</span></th></tr></thead>
      <tbody>
        {jobs.map((j) => {
          const img = images.get(j.image_id);
          return (
            <tr key={j.id}>
              <td>
                <div class="thumbcell">
                  {img && <img src={img.thumbnail_url} alt="" width={64} height={48} />}
                  <span>{img?.file_name ?? j.image_id}</span>
                </div>
              </td>
              <td>{(j.assignee && members.get(j.assignee)) ?? j.assignee ?? '—'}</td>
              <td>{j.submitted_at ? new Date(j.submitted_at).toLocaleString() : '—'}</td>
              <td><Link class="button" href={`/projects/${encodeURIComponent(project.id)}/review/${encodeURIComponent(j.id)}`}
                        aria-label={`Review ${img?.file_name ?? j.image_id}`}>Review</Link></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
