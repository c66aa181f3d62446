import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { diffDefinitions } from '@baton/rule-builder-core';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { DefinitionValidatorService } from './definition-validator.service';
import { VERSION_MADE_ACTIONS, VERSION_PUBLISHED_ACTION, versionHistory } from './version-history';
import type { DefinitionBody, PublishBody } from './workflow.dto';
import type { DiffQuery, RestoreBody } from './workflow-history.dto';
import { WorkflowTriggersService } from '../hooks/workflow-triggers.service';
import { Workflow } from './workflow.entity';
import { workflowListItem, workflowStats } from './workflow-stats';
import { workflowView } from './workflow.view';
import { WorkflowVersion } from './workflow-version.entity';

/** Drafts and publishes workflow versions. A published version never changes again. */
@Injectable()
export class WorkflowVersionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly validator: DefinitionValidatorService,
    private readonly audit: AuditService,
    private readonly triggers: WorkflowTriggersService,
  ) {}

  async list() {
    const workflows = await this.em.find(Workflow, {}, { orderBy: { name: 'asc' } });
    const versions = await this.em.find(WorkflowVersion, { workflow: { $in: workflows.map((w) => w.id) } });
    const extras = await workflowStats(this.em);
    return {
      items: workflows.map((w) =>
        workflowListItem(
          w,
          versions.filter((v) => v.workflow.id === w.id),
          extras.get(w.id),
        ),
      ),
    };
  }

  async get(id: string) {
    const workflow = await this.workflow(id);
    return {
      ...workflowView(workflow, await this.em.find(WorkflowVersion, { workflow })),
      webhooks: await this.triggers.webhooks(this.em, workflow),
    };
  }

  async getVersion(id: string, version: number) {
    const found = await this.findVersion(id, version);
    return { version: found.version, status: found.status, note: found.note, definition: found.definition };
  }

  /** Every version, newest first, with who saved and published it and how much it changed. */
  async history(id: string) {
    const workflow = await this.workflow(id);
    const versions = await this.em.find(WorkflowVersion, { workflow });
    const entries = await this.em.find(
      AuditEntry,
      {
        entityType: 'workflow',
        entityId: workflow.id,
        action: { $in: [...VERSION_MADE_ACTIONS, VERSION_PUBLISHED_ACTION] },
      },
      { populate: ['actor'], orderBy: { at: 'asc' } },
    );
    return versionHistory(workflow, versions, entries);
  }

  /** What changed from version `from` to version `to` (either may be the older one). */
  async diff(id: string, from: number, to: number, query: DiffQuery) {
    const before = await this.findVersion(id, from);
    const after = await this.findVersion(id, to);
    return { from, to, ...diffDefinitions(before.definition, after.definition, { layout: query.layout }) };
  }

  /** A new workflow whose first version is a draft. */
  async create(body: DefinitionBody, actor: User) {
    const definition = this.validator.assertValid(body.definition);
    if (await this.em.findOne(Workflow, { key: definition.key })) {
      throw new BatonError('CONFLICT', `A workflow with the key "${definition.key}" already exists`, {
        key: definition.key,
      });
    }
    const workflow = this.em.create(Workflow, {
      key: definition.key,
      name: definition.name,
      entity: definition.triggers[0]!.entity,
      ownerId: actor.id,
    });
    const version = this.em.create(WorkflowVersion, {
      workflow,
      version: 1,
      definition,
      note: body.note ?? null,
    });
    // One flush, one transaction: the workflow, its first version and the audit entry.
    this.audit.record(this.em, {
      actor,
      action: 'workflow.created',
      entityType: 'workflow',
      entityId: workflow.id,
      after: { key: workflow.key, name: workflow.name, version: 1, note: version.note },
    });
    await this.em.flush();
    return workflowView(workflow, [version]);
  }

  /** A new draft version after the latest one. */
  async addVersion(id: string, body: DefinitionBody, actor: User) {
    const definition = this.validator.assertValid(body.definition);
    return this.em.transactional(async (tx) => {
      const workflow = await tx.findOne(Workflow, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id });
      if (definition.key !== workflow.key) {
        throw new BatonError('VALIDATION_FAILED', `The definition's key must stay "${workflow.key}"`, {
          key: definition.key,
        });
      }
      const versions = await tx.find(WorkflowVersion, { workflow });
      const latest = Math.max(0, ...versions.map((v) => v.version));
      // Checked under the row lock: an editor (or its autosave) never buries a version saved elsewhere.
      if (body.baseVersion !== undefined && body.baseVersion !== latest) {
        throw new BatonError(
          'CONFLICT',
          `Version ${latest} was saved since this editor opened version ${body.baseVersion}`,
          { baseVersion: body.baseVersion, latestVersion: latest },
        );
      }
      const next = latest + 1;
      const version = tx.create(WorkflowVersion, {
        workflow,
        version: next,
        definition,
        note: body.note ?? null,
      });
      this.audit.record(tx, {
        actor,
        action: 'workflow.version_added',
        entityType: 'workflow',
        entityId: workflow.id,
        before: { name: workflow.name },
        after: { name: definition.name, version: next, note: version.note },
      });
      workflow.name = definition.name;
      await tx.flush();
      return workflowView(workflow, [...versions, version]);
    });
  }

  /** Publishes a draft: it becomes the version new runs start with; running ones keep theirs. */
  async publish(id: string, versionNumber: number, body: PublishBody, actor: User) {
    const view = await this.em.transactional(async (tx) => {
      // The row lock makes concurrent publishes of one workflow take turns.
      const workflow = await tx.findOne(Workflow, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id });
      const version = await tx.findOne(WorkflowVersion, { workflow, version: versionNumber });
      if (!version) throw this.noSuchVersion(workflow, versionNumber);
      if (version.status === 'published') {
        throw new BatonError('CONFLICT', `Version ${versionNumber} is already published`, {
          version: versionNumber,
        });
      }
      this.validator.assertValid(version.definition);
      this.markPublished(tx, workflow, version, body.note, actor);
      await tx.flush();
      return workflowView(workflow, await tx.find(WorkflowVersion, { workflow }));
    });
    // Schedule triggers follow the active version (none while archived) once this has committed.
    await this.triggers.changed(id);
    return view;
  }

  /**
   * Rolls back by going forward: the old version's definition becomes a new draft after the latest
   * version (history is never rewritten), published at once with `publish`. Runs in flight keep
   * the version they started with.
   */
  async restore(id: string, versionNumber: number, body: RestoreBody, actor: User) {
    // Same rule as the publish endpoint, checked before anything is written.
    if (body.publish && actor.role !== 'admin') {
      throw new BatonError('FORBIDDEN', 'Only operations admins may publish', { requiredRoles: ['admin'] });
    }
    const view = await this.em.transactional(async (tx) => {
      const workflow = await tx.findOne(Workflow, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id });
      const versions = await tx.find(WorkflowVersion, { workflow });
      const source = versions.find((v) => v.version === versionNumber);
      if (!source) throw this.noSuchVersion(workflow, versionNumber);
      // Checked again: a step type the old version used may have been removed since.
      const definition = this.validator.assertValid(source.definition);
      const next = Math.max(0, ...versions.map((v) => v.version)) + 1;
      const note = body.note ?? `Restored from v${versionNumber}`;
      const version = tx.create(WorkflowVersion, { workflow, version: next, definition, note });
      this.audit.record(tx, {
        actor,
        action: 'workflow.version_restored',
        entityType: 'workflow',
        entityId: workflow.id,
        before: { name: workflow.name },
        after: { name: definition.name, version: next, restoredFrom: versionNumber, note },
      });
      workflow.name = definition.name;
      if (body.publish) this.markPublished(tx, workflow, version, note, actor);
      await tx.flush();
      return workflowView(workflow, [...versions, version]);
    });
    await this.triggers.changed(id);
    return view;
  }

  private markPublished(
    tx: EntityManager,
    workflow: Workflow,
    version: WorkflowVersion,
    note: string,
    actor: User,
  ): void {
    const previous = workflow.activeVersionId;
    version.status = 'published';
    version.publishedAt = new Date();
    version.note = note;
    workflow.activeVersionId = version.id;
    this.audit.record(tx, {
      actor,
      action: VERSION_PUBLISHED_ACTION,
      entityType: 'workflow',
      entityId: workflow.id,
      before: { activeVersionId: previous },
      after: { activeVersionId: version.id, version: version.version, note },
    });
  }

  /** Archived workflows start no new runs; running ones finish. Restoring re-arms the active version. */
  async setArchived(id: string, archived: boolean, actor: User) {
    const view = await this.em.transactional(async (tx) => {
      const workflow = await tx.findOne(Workflow, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id });
      if (workflow.archived !== archived) {
        workflow.archived = archived;
        this.audit.record(tx, {
          actor,
          action: archived ? 'workflow.archived' : 'workflow.restored',
          entityType: 'workflow',
          entityId: workflow.id,
          before: { archived: !archived },
          after: { archived },
        });
      }
      await tx.flush();
      return workflowView(workflow, await tx.find(WorkflowVersion, { workflow }));
    });
    await this.triggers.changed(id);
    return view;
  }

  private async findVersion(id: string, version: number): Promise<WorkflowVersion> {
    const workflow = await this.workflow(id);
    const found = await this.em.findOne(WorkflowVersion, { workflow, version });
    if (!found) throw this.noSuchVersion(workflow, version);
    return found;
  }

  private noSuchVersion(workflow: Workflow, version: number): BatonError {
    return new BatonError('NOT_FOUND', `Workflow ${workflow.key} has no version ${version}`, {
      workflowId: workflow.id,
      version,
    });
  }

  private async workflow(id: string): Promise<Workflow> {
    const workflow = await this.em.findOne(Workflow, { id });
    if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id });
    return workflow;
  }
}
