// The JSON shapes of Annota's REST API (/api/v1), as the server sends them (snake_case).

export type Role = 'admin' | 'user' | string;
export type ProjectRole = 'manager' | 'annotator' | 'reviewer';

export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  created_at: string;
}

export interface ProjectSummary {
  id: string;
  name: string;
  schema_version: number;
  created_at: string;
  updated_at: string;
}

export interface Project extends ProjectSummary {
  guidelines: string;
  schema: LabelSchema;
}

export const ANNOTATION_KINDS = [
  'tag', 'box', 'rotated_box', 'polygon', 'polyline', 'points', 'keypoints', 'mask', 'cuboid', 'ellipse',
] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ATTRIBUTE_TYPES = ['select', 'multi_select', 'number', 'text', 'checkbox'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeSpec {
  name: string;
  type: AttributeType;
  required?: boolean;
  default?: unknown;
  options?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
  max_length?: number;
}

export interface Skeleton {
  points: string[];
  edges: [number, number][];
}

export interface LabelClass {
  id: number;
  name: string;
  colour: string;
  kinds: AnnotationKind[];
  attributes: AttributeSpec[];
  skeleton?: Skeleton | null;
}

export interface LabelSchema {
  next_id?: number;
  classes: LabelClass[];
}

export interface SchemaResponse {
  schema_version: number;
  schema: LabelSchema;
}

export interface SchemaChange extends SchemaResponse {
  annotations_changed: number;
  images_changed: number;
}

export interface Member {
  project_id: string;
  user_id: string;
  username: string;
  role: ProjectRole;
  added_at: string;
}

export interface ImageInfo {
  id: string;
  project_id: string;
  file_name: string;
  width: number;
  height: number;
  format: string;
  orientation: number;
  sha256: string;
  split: string | null;
  source_path: string | null;
  metadata: Record<string, string>;
  created_at: string;
  import_id: string | null;
  original_url: string;
  thumbnail_url: string;
}

export interface ImagePage {
  images: ImageInfo[];
  next_cursor: string | null;
}

export interface ImportReport {
  import_id: string;
  added: { image_id: string; name: string; annotations: number }[];
  duplicates: { name: string; image_id: string }[];
  near_duplicates: { image_id: string; name: string; nearest_id: string; distance: number }[];
  problems: FieldError[];
}

/** Geometry per kind, as in Annota's annotation JSON (pixels, image coordinates). */
export interface Annotation {
  kind: AnnotationKind;
  label: number;
  box?: [number, number, number, number];
  rotated_box?: { cx: number; cy: number; w: number; h: number; angle: number };
  polygon?: number[][];
  points?: number[];
  keypoints?: number[];
  mask?: { size: [number, number]; counts: string | number[] };
  cuboid?: number[];
  ellipse?: { cx: number; cy: number; rx: number; ry: number; angle: number };
  attributes?: Record<string, unknown>;
  source?: { type: 'human'; user?: string } | { type: 'model'; name: string; version: string };
  confidence?: number;
  occluded?: boolean;
  z_order?: number;
  group?: number;
}

export interface AnnotationSet {
  image_id: string;
  version: number;
  annotations: Annotation[];
  updated_at?: string;
  updated_by?: string | null;
  source?: string;
}

export type JobState = 'new' | 'in_progress' | 'submitted' | 'accepted' | 'rejected';

export interface Job {
  id: string;
  task_id: string;
  project_id: string;
  image_id: string;
  slot: number;
  overlap: number;
  state: JobState;
  stage: 'annotate' | 'review' | 'done';
  assignee: string | null;
  reviewer: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface JobPage {
  items: Job[];
  next: string | null;
}

export interface Comment {
  id: string;
  job_id: string;
  kind: string;
  author: string | null;
  at: string;
  text: string;
}

export interface FieldError {
  location?: string;
  field?: string;
  value?: string | null;
  expected?: string;
  message?: string;
}

/** The one error shape of the API (problem JSON); a 409 on a save also carries the current state. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  current?: unknown;
  [extra: string]: unknown;
}
