import { z } from 'zod';
import { ROLES } from '@baton/domain';

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const userViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});

export const loginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: userViewSchema,
});
