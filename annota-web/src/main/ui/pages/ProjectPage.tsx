// A project: its name and the tabs Images, Upload, Review, Quality and Settings.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Project, User } from '../api/types';
import { routePath, type ProjectTab } from '../app/router';
import { ErrorBox, Link, Spinner, Tabs } from '../app/ui';
import { ImagesTab } from './ImagesTab';
import { UploadTab } from './UploadTab';
import { ReviewTab } from './ReviewTab';
import { LabelErrorsPanel } from './LabelErrorsPanel';
import { NextToLabelPanel } from './NextToLabelPanel';
import { QualityTab } from './QualityTab';
import { TrainingTab } from './TrainingTab';
import { SettingsTab } from '../settings/SettingsTab';

const TITLES: Record<ProjectTab, string> = {
  images: 'Images', upload: 'Upload', review: 'Review queue', training: 'Training', quality: 'Quality', settings: 'Settings',
};

export function ProjectPage(props: { user: User; projectId: string; tab: ProjectTab }) {
  const [project, setProject] = useState<Project | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => api.project(props.projectId).then(setProject, setError), [props.projectId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (error) return <section class="page"><ErrorBox error={error} /></section>;
  if (!project) return <section class="page"><Spinner /></section>;
  const tabs = (Object.keys(TITLES) as ProjectTab[]).map((id) => ({
    id, title: TITLES[id], href: routePath({ name: 'project', projectId: project.id, tab: id }),
  }));
  return (
    <section class="page">
      <p class="crumbs"><Link href="/projects">Projects</Link> /</p>
      <h1>{project.name}</h1>
      <Tabs label="Project sections" tabs={tabs} current={props.tab} />
      <div role="tabpanel" aria-label={TITLES[props.tab]} class="tabpanel">
        {props.tab === 'images' && <ImagesTab project={project} user={props.user} />}
        {props.tab === 'upload' && <UploadTab project={project} />}
        {props.tab === 'review' && <ReviewTab project={project} />}
        {props.tab === 'training' && <TrainingTab project={project} />}
        {props.tab === 'quality' && <><QualityTab project={project} /><NextToLabelPanel project={project} /><LabelErrorsPanel project={project} /></>}
        {props.tab === 'settings' && <SettingsTab project={project} user={props.user} onChanged={setProject} reload={reload} />}
      </div>
    </section>
  );
}
