import type { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: User['role'];
}

export function userView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
