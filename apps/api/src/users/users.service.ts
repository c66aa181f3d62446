import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { UserDirectoryEntry } from './user.dto';
import { User } from './user.entity';

/** Who can be picked as a delegate or seen as a team member: active users, without their email. */
@Injectable()
export class UsersService {
  constructor(private readonly em: EntityManager) {}

  async directory(): Promise<{ items: UserDirectoryEntry[] }> {
    const users = await this.em.find(User, { active: true }, { orderBy: { name: 'asc', id: 'asc' } });
    return {
      items: users.map((u) => ({ id: u.id, name: u.name, role: u.role, managerId: u.managerId })),
    };
  }
}
