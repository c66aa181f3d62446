import { z } from 'zod';
import { ROLES } from '@baton/domain';

const memberSchema = z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES) });

export const teamViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  managerId: z
    .uuid()
    .nullable()
    .describe("Where members' escalations go when they have no manager of their own"),
  members: z.array(memberSchema),
});
export type TeamView = z.infer<typeof teamViewSchema>;
export const teamListSchema = z.object({ items: z.array(teamViewSchema) });

export const createTeamSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  managerId: z.uuid().nullable().optional(),
});
export type CreateTeam = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = createTeamSchema.partial().refine((b) => Object.keys(b).length > 0, {
  message: 'give at least one of name, managerId',
});
export type UpdateTeam = z.infer<typeof updateTeamSchema>;

export const updateUserSchema = z
  .strictObject({
    managerId: z.uuid().nullable().optional(),
    teamId: z.uuid().nullable().optional(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const userAdminViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  managerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
});
export type UserAdminView = z.infer<typeof userAdminViewSchema>;
