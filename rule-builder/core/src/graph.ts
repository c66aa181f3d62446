import type {
  CampaignEvent,
  DateOffset,
  EntityType,
  Position,
  RecordEvent,
  Reenroll,
  RetryPolicy,
  ScheduleInterval,
  WebhookMatch,
} from '@baton/contracts';

/**
 * What a record-event trigger node holds: a record event, optionally filtered by a JSON Logic
 * condition. `kind` may be left out: a trigger node without one is a record trigger.
 */
export interface RecordTriggerNodeData {
  readonly kind?: 'record';
  readonly entity: EntityType;
  readonly event: RecordEvent;
  /** `updated`: the field that must change (optionally from/to values); `date`: the date field. */
  readonly field?: string;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly offset?: DateOffset;
  readonly reenroll?: Reenroll;
  readonly condition?: unknown;
}

/** A schedule trigger node: every tick of `cron` (or `every`), the records matching `condition` enter. */
export interface ScheduleTriggerNodeData {
  readonly kind: 'schedule';
  readonly entity: EntityType;
  readonly cron?: string;
  readonly every?: ScheduleInterval;
  readonly timezone?: string;
  /** Required by the definition; may be missing while the node is being edited. */
  readonly condition?: unknown;
  readonly limit?: number;
  readonly reenroll?: Reenroll;
}

/** A webhook trigger node: a delivery to the workflow's hook URL starts a run on the matched record. */
export interface WebhookTriggerNodeData {
  readonly kind: 'webhook';
  readonly entity: EntityType;
  readonly match: WebhookMatch;
  readonly condition?: unknown;
  readonly reenroll?: Reenroll;
}

/**
 * A campaign trigger node: an email campaign event (a click, an open…) starts a run on the
 * recipient contact; `entity` is always `contact`.
 */
export interface CampaignTriggerNodeData {
  readonly kind: 'campaign';
  readonly entity: 'contact';
  readonly event: CampaignEvent;
  /** Only this campaign's events; any campaign's without it. */
  readonly campaignId?: string;
  /** With `clicked`: only links whose URL contains this text. */
  readonly linkContains?: string;
  readonly condition?: unknown;
  readonly reenroll?: Reenroll;
}

/** What a trigger node on the canvas holds: one of the definition's trigger kinds. */
export type TriggerNodeData =
  RecordTriggerNodeData | ScheduleTriggerNodeData | WebhookTriggerNodeData | CampaignTriggerNodeData;

/** What a step node on the canvas holds: the step's type and its settings. */
export interface StepNodeData {
  readonly stepType: string;
  readonly title?: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly retry?: RetryPolicy;
  readonly timeoutSeconds?: number;
  /** Id of the step to continue with when this one fails. */
  readonly onError?: string;
}

/** A trigger on the canvas; compiles to a trigger of its data's kind. */
export interface EditorTriggerNode {
  readonly id: string;
  readonly kind: 'trigger';
  readonly position: Position;
  readonly data: TriggerNodeData;
}

/** A step on the canvas; compiles to a definition step. */
export interface EditorStepNode {
  readonly id: string;
  readonly kind: 'step';
  readonly position: Position;
  readonly data: StepNodeData;
}

/** A node on the canvas. */
export type EditorNode = EditorTriggerNode | EditorStepNode;

/** An arrow on the canvas; compiles to a transition. Without `condition` it is the source's default path. */
export interface EditorEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
  readonly condition?: unknown;
}

/** Everything the React Flow canvas holds for one workflow. */
export interface EditorGraph {
  readonly workflow: { readonly key: string; readonly name: string };
  readonly nodes: readonly EditorNode[];
  readonly edges: readonly EditorEdge[];
}
