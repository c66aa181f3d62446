import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import type { CreateTeam, TeamView, UpdateTeam, UpdateUser, UserAdminView } from './team.dto';
import { Team } from './team.entity';

// Longer chains than this are a loop someone drew by mistake, not an organisation.
const MAX_CHAIN = 50;

/**
 * Teams and who reports to whom: the management chain approvals and escalations climb. A change
 * that would make the chain loop (A reports to B reports to A) is refused, as escalations would
 * then go round forever.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<{ items: TeamView[] }> {
    const teams = await this.em.find(Team, {}, { orderBy: { name: 'asc', id: 'asc' } });
    const members = await this.em.find(
      User,
      { teamId: { $in: teams.map((t) => t.id) }, active: true },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    return { items: teams.map((t) => this.view(t, members)) };
  }

  async create(body: CreateTeam, actor: User): Promise<TeamView> {
    if (await this.em.findOne(Team, { name: body.name })) {
      throw new BatonError('CONFLICT', `A team named "${body.name}" already exists`, { name: body.name });
    }
    if (body.managerId) await this.activeUser(body.managerId, 'managerId');
    const team = this.em.create(Team, { name: body.name, managerId: body.managerId ?? null });
    this.audit.record(this.em, {
      actor,
      action: 'team.created',
      entityType: 'team',
      entityId: team.id,
      after: body,
    });
    await this.em.flush();
    return this.view(team, []);
  }

  async update(id: string, body: UpdateTeam, actor: User): Promise<TeamView> {
    const team = await this.em.findOne(Team, { id });
    if (!team) throw new BatonError('NOT_FOUND', 'No team with this id', { id });
    if (
      body.name !== undefined &&
      body.name !== team.name &&
      (await this.em.findOne(Team, { name: body.name }))
    ) {
      throw new BatonError('CONFLICT', `A team named "${body.name}" already exists`, { name: body.name });
    }
    if (body.managerId) await this.activeUser(body.managerId, 'managerId');
    const before = { name: team.name, managerId: team.managerId };
    Object.assign(team, body);
    this.audit.record(this.em, {
      actor,
      action: 'team.updated',
      entityType: 'team',
      entityId: id,
      before,
      after: body,
    });
    await this.em.flush();
    const members = await this.em.find(
      User,
      { teamId: id, active: true },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    return this.view(team, members);
  }

  async updateUser(id: string, body: UpdateUser, actor: User): Promise<UserAdminView> {
    return this.em.transactional(async (tx) => {
      // One change of reporting lines at a time, so two edits cannot together close a loop.
      await tx.execute(`select pg_advisory_xact_lock(hashtext('baton:reporting-lines'))`);
      const user = await tx.findOne(User, { id });
      if (!user) throw new BatonError('NOT_FOUND', 'No user with this id', { id });
      if (body.managerId) {
        if (body.managerId === id)
          throw new BatonError('CONFLICT', 'Nobody can be their own manager', { id });
        await this.activeUser(body.managerId, 'managerId', tx);
        await this.refuseLoop(tx, id, body.managerId);
      }
      if (body.teamId && !(await tx.findOne(Team, { id: body.teamId }))) {
        throw new BatonError('VALIDATION_FAILED', 'No team with this id', { field: 'teamId' });
      }
      if (body.active === false && id === actor.id) {
        throw new BatonError('CONFLICT', 'You cannot deactivate yourself', { id });
      }
      const before = { managerId: user.managerId, teamId: user.teamId, role: user.role, active: user.active };
      Object.assign(user, body);
      this.audit.record(tx, {
        actor,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after: body,
      });
      await tx.flush();
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        active: user.active,
        managerId: user.managerId,
        teamId: user.teamId,
      };
    });
  }

  private async refuseLoop(em: EntityManager, userId: string, managerId: string): Promise<void> {
    let cursor: string | null = managerId;
    for (let steps = 0; cursor && steps < MAX_CHAIN; steps++) {
      if (cursor === userId) {
        throw new BatonError('CONFLICT', 'That would make the management chain loop back to this person', {
          userId,
          managerId,
        });
      }
      cursor = (await em.findOne(User, { id: cursor }))?.managerId ?? null;
    }
  }

  private async activeUser(id: string, field: string, em: EntityManager = this.em): Promise<User> {
    const user = await em.findOne(User, { id, active: true });
    if (!user) throw new BatonError('VALIDATION_FAILED', 'No active user with this id', { field });
    return user;
  }

  private view(team: Team, users: User[]): TeamView {
    return {
      id: team.id,
      name: team.name,
      managerId: team.managerId,
      members: users
        .filter((u) => u.teamId === team.id)
        .map((u) => ({ id: u.id, name: u.name, role: u.role })),
    };
  }
}
